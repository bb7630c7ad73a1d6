"""What the JSON API (``onrecord.api``) and the web pages (``onrecord.web``) share, below both of them:
the server's settings (``config``), its state, the store openers, bearer-token checks and paging
(``deps``), and the one error shape (``errors``). ``onrecord.app.create_app`` puts the two together.
"""
