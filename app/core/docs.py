"""Swagger UI from assets the service ships (pinned in static/vendor): city networks are
often closed, so /docs must not fetch anything from the internet."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.core.routing import PUBLIC, CivicRoute

STATIC_DIR = Path(__file__).parent / "static"
SWAGGER_ASSETS = "/static/vendor/swagger-ui"

router = APIRouter(route_class=CivicRoute)

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - API documentation</title>
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/static/docs-init.js"></script>
</body>
</html>
"""


def docs_page(title: str, openapi_url: str) -> str:
    return _PAGE.format(title=title, assets=SWAGGER_ASSETS, openapi_url=openapi_url)


# Everything the page loads comes from this service (the start-up script too, so no inline
# script is allowed); Swagger UI sets inline styles and data: images.
DOCS_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'"
)


@router.get("/docs", include_in_schema=False, openapi_extra=PUBLIC)
async def swagger_ui() -> HTMLResponse:
    return HTMLResponse(
        docs_page("Civic Social", "/openapi.json"),
        headers={"Content-Security-Policy": DOCS_CSP},
    )
