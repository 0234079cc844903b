// Production server: static files from dist/ and /api proxied to the backend.
// Node's standard library only, so the prod image carries no npm packages.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

const root = path.resolve(process.env.STATIC_DIR || "dist");
const backend = new URL(process.env.BACKEND_URL || "http://127.0.0.1:8000");
const port = Number(process.env.PORT || 8080);
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };

function proxy(request, response) {
  const upstream = http.request(
    { host: backend.hostname, port: backend.port, path: request.url, method: request.method, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on("error", () => {
    response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ detail: "backend unreachable" }));
  });
  request.pipe(upstream);
}

async function serveStatic(request, response) {
  const wanted = path.normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  let file = path.join(root, wanted);
  if (!file.startsWith(root)) return response.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
  } catch {
    file = path.join(root, "index.html"); // single-page app: unknown paths get the page
  }
  response.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  createReadStream(file).on("error", () => response.end()).pipe(response);
}

http
  .createServer((request, response) => {
    if (request.url.startsWith("/api/") || request.url === "/health") return proxy(request, response);
    return serveStatic(request, response);
  })
  .listen(port, () => console.log(`serving ${root} on :${port}, /api -> ${backend.origin}`));
