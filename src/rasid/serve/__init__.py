"""The analyst's desk: a REST API and web dashboard over a store (`rasid serve`).

    from rasid.serve import Settings, create_app
    app = create_app(Settings(db=Path("rasid.db")))   # an ASGI app; `rasid serve` runs it with uvicorn

`rasid.serve.desk` reads the store (read-only), `rasid.serve.app` is the HTTP layer.
"""
from rasid.serve.app import Settings, create_app

__all__ = ["Settings", "create_app"]
