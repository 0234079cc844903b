"""A small service of a team's repository: FastAPI, numpy and OpenCV."""

import cv2
import numpy
from fastapi import FastAPI

api = FastAPI(title="vision")


@api.get("/healthz")
def healthz() -> dict:
    return {"status": "ok"}


@api.get("/info")
def info() -> dict:
    image = numpy.zeros((32, 32), dtype=numpy.uint8)
    cv2.circle(image, (16, 16), 8, 255, -1)
    return {"numpy": numpy.__version__, "opencv": cv2.__version__, "lit_pixels": int((image > 0).sum())}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(api, host="0.0.0.0", port=8080)
