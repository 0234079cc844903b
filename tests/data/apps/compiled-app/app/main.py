"""A tiny service whose start-up imports two compiled extensions built from source."""

import mmh3
import psycopg2
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def health(request):
    return JSONResponse({"status": "ok"})


async def info(request):
    return JSONResponse({"mmh3": mmh3.hash("warmbuild"), "libpq": psycopg2.__libpq_version__})


app = Starlette(routes=[Route("/health", health), Route("/info", info)])
