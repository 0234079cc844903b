// Send an image to the backend (same origin, /api/analyze) and show its statistics.

const LABELS = {
  width: "width (px)",
  height: "height (px)",
  edge_density: "edge density",
  sharpness: "sharpness (Laplacian variance)",
  entropy_bits: "entropy (bits)",
  bright_regions: "bright regions",
  mean_brightness: "mean brightness",
};

const status = document.querySelector("#status");
const table = document.querySelector("#result");
const canvas = document.querySelector("#preview");

// Two bright rectangles on black: the backend should count two regions.
function drawSample() {
  const context = canvas.getContext("2d");
  context.fillStyle = "#000";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = "#fff";
  context.fillRect(20, 20, 60, 60);
  context.fillStyle = "#ccc";
  context.fillRect(130, 30, 80, 70);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

function showResult(stats) {
  const rows = Object.entries(LABELS).map(
    ([key, label]) => `<tr><th scope="row">${label}</th><td data-key="${key}">${stats[key]}</td></tr>`,
  );
  table.querySelector("tbody").innerHTML = rows.join("");
  table.hidden = false;
}

async function analyze(blob, name) {
  status.className = "";
  status.textContent = `Analyzing ${name}…`;
  const body = new FormData();
  body.append("file", blob, name);
  try {
    const response = await fetch("/api/analyze", { method: "POST", body });
    const payload = await response.json();
    if (!response.ok) throw new Error(payload.detail || response.statusText);
    showResult(payload);
    status.textContent = `Analyzed ${name}.`;
  } catch (error) {
    status.className = "error";
    status.textContent = `The backend could not analyze ${name}: ${error.message}`;
  }
}

document.querySelector("#analyze-sample").addEventListener("click", async () => {
  analyze(await drawSample(), "sample.png");
});

document.querySelector("#upload").addEventListener("submit", (event) => {
  event.preventDefault();
  const file = document.querySelector("#file").files[0];
  if (file) analyze(file, file.name);
  else status.textContent = "Pick an image first.";
});
