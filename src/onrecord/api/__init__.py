"""The JSON API under ``/api`` (docs/api.md): ``routes`` (thin calls to the Store; reads on a store
opened read-only) and ``submit`` (POST /api/articles: the body becomes Articles, written by
``onrecord.batch.write``). What it shares with the web pages is in ``onrecord.server``; the app that
serves both is ``onrecord.app.create_app``.
"""
