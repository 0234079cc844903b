"""HTTP API: health, versions, image statistics and OCR."""

from __future__ import annotations

import platform

import cv2
import numpy as np
import scipy
from fastapi import FastAPI, HTTPException, UploadFile

from . import analysis

app = FastAPI(title="warmbuild example backend")

# Uploads larger than this are refused before decoding.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/api/info")
def info() -> dict:
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "opencv": cv2.__version__,
    }


async def _read_image(file: UploadFile) -> bytes:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"image larger than {MAX_UPLOAD_BYTES} bytes")
    return data


@app.post("/api/analyze")
async def analyze(file: UploadFile) -> dict:
    try:
        return analysis.analyze(await _read_image(file)).as_dict()
    except analysis.NotAnImage as error:
        raise HTTPException(422, str(error)) from None


@app.post("/api/ocr")
async def ocr(file: UploadFile) -> dict:
    try:
        return {"text": analysis.ocr(await _read_image(file))}
    except analysis.NotAnImage as error:
        raise HTTPException(422, str(error)) from None
