"""Image statistics. Pure functions over bytes, so they test without a server."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import asdict, dataclass

import cv2
import numpy as np
from scipy import ndimage


class NotAnImage(ValueError):
    """The uploaded bytes do not decode as an image."""


@dataclass(frozen=True)
class ImageStats:
    width: int
    height: int
    # Share of pixels on a Canny edge (OpenCV).
    edge_density: float
    # Variance of the Laplacian: low means blurry (OpenCV).
    sharpness: float
    # Shannon entropy of the grey-level histogram, in bits.
    entropy_bits: float
    # Bright connected regions after Otsu thresholding (SciPy ndimage).
    bright_regions: int
    mean_brightness: float

    def as_dict(self) -> dict:
        return asdict(self)


def decode_grey(data: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise NotAnImage("the upload is not an image OpenCV can decode (PNG, JPEG, BMP, TIFF, WebP)")
    return image


def entropy_bits(histogram: np.ndarray) -> float:
    # NumPy rather than scipy.stats: the same number, and scipy.stats alone takes a
    # second to import, which every uvicorn --reload restart would pay.
    p = histogram[histogram > 0] / histogram.sum()
    return float(-(p * np.log2(p)).sum())


def analyze(data: bytes) -> ImageStats:
    grey = decode_grey(data)
    edges = cv2.Canny(grey, 100, 200)
    histogram = np.bincount(grey.ravel(), minlength=256)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    _, regions = ndimage.label(mask > 0)
    return ImageStats(
        width=int(grey.shape[1]),
        height=int(grey.shape[0]),
        edge_density=round(float(np.count_nonzero(edges)) / edges.size, 4),
        sharpness=round(float(cv2.Laplacian(grey, cv2.CV_64F).var()), 2),
        entropy_bits=round(entropy_bits(histogram), 4),
        bright_regions=int(regions),
        mean_brightness=round(float(grey.mean()), 2),
    )


def ocr(data: bytes, timeout: float = 30.0) -> str:
    """Text in the image, read by the Tesseract command (a Debian package in the image)."""
    if shutil.which("tesseract") is None:
        raise RuntimeError("tesseract is not installed (apt package tesseract-ocr)")
    decode_grey(data)  # reject non-images before starting a process
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "6"], input=data, capture_output=True, timeout=timeout, check=True
    )
    return result.stdout.decode("utf-8", "replace").strip()
