"""A service on Python 3.11 (numpy 1.26 has no 3.13 wheels) with a path dependency
(the monorepo's libs/greeting) and a git dependency (tagline, pinned to a commit)."""

import greeting
import numpy
import tagline
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def health(request):
    return JSONResponse({"status": "ok"})


async def info(request):
    return JSONResponse({"numpy": numpy.__version__, "greeting": greeting.hello(), "tagline": tagline.TAGLINE})


app = Starlette(routes=[Route("/health", health), Route("/info", info)])
