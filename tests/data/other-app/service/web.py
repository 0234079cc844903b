"""A tiny Starlette service: health and a Pillow-rendered image's statistics."""

import io

from PIL import Image, ImageDraw, ImageStat
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def healthz(request):
    return JSONResponse({"ok": True})


async def render(request):
    image = Image.new("L", (64, 32), 0)
    ImageDraw.Draw(image).rectangle((8, 8, 24, 24), fill=255)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return JSONResponse({"png_bytes": len(buffer.getvalue()), "mean": ImageStat.Stat(image).mean[0]})


application = Starlette(routes=[Route("/healthz", healthz), Route("/render", render)])
