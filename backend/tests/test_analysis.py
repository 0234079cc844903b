"""The example backend's own tests (run in its dev image: `pytest` in /app)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from app import analysis
from app.main import app
from fastapi.testclient import TestClient


def png(image: np.ndarray) -> bytes:
    ok, encoded = cv2.imencode(".png", image)
    assert ok
    return encoded.tobytes()


def two_squares() -> np.ndarray:
    image = np.zeros((100, 200), dtype=np.uint8)
    image[20:60, 20:60] = 255
    image[30:80, 120:170] = 200
    return image


def test_analysis_counts_regions_and_edges():
    result = analysis.analyze(png(two_squares()))
    assert (result.width, result.height) == (200, 100)
    assert result.bright_regions == 2
    assert 0 < result.edge_density < 0.1
    assert result.sharpness > 0


def test_flat_image_has_no_edges_and_zero_entropy():
    result = analysis.analyze(png(np.full((10, 10), 128, dtype=np.uint8)))
    assert result.edge_density == 0 and result.entropy_bits == 0


def test_entropy_of_two_equal_levels_is_one_bit():
    assert analysis.entropy_bits(np.array([5, 0, 5])) == pytest.approx(1.0)


def test_not_an_image_is_refused():
    with pytest.raises(analysis.NotAnImage):
        analysis.analyze(b"not an image")


def test_api_analyze_and_health():
    client = TestClient(app)
    assert client.get("/health").json() == {"status": "ok"}
    response = client.post("/api/analyze", files={"file": ("squares.png", png(two_squares()), "image/png")})
    assert response.status_code == 200
    assert response.json()["bright_regions"] == 2
    assert client.post("/api/analyze", files={"file": ("x.txt", b"text", "text/plain")}).status_code == 422


def test_ocr_reads_rendered_text():
    image = np.full((80, 400), 255, dtype=np.uint8)
    cv2.putText(image, "WARM BUILD", (10, 55), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    assert "WARM BUILD" in analysis.ocr(png(image)).upper()
