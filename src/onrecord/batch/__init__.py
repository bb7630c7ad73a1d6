"""The one write path: articles analysed, stored and linked. Every writer calls this package.

    summary = batch.write(iter_articles(sources, options), store, options)   # ingest, POST /api/articles
    batch.load(read_records(path), store)                                    # onrecord load (Spark output)
    batch.reanalyze(store, pipeline)                                         # onrecord reanalyze
    batch.link(store)                                                        # onrecord claims link
    batch.import_known(store, known)                                         # onrecord claims import

* ``analysis``: analysis that never stops on one article (``analyze_safely``, ``analyze_items``, which the
  Spark job runs per partition, ``extract``), in this process or in workers (``workers``).
* ``writer``: dedupe, analyse, save (one transaction an article, each caught on its own), link.
* ``linking``: linking into the claims across articles and importing known claims.
"""
from .analysis import analyze_items, analyze_safely, extract, pipeline_for
from .linking import import_known, link, rematch_known
from .writer import Saved, Summary, load, reanalyze, write

__all__ = ["Saved", "Summary", "analyze_items", "analyze_safely", "extract", "import_known", "link", "load",
           "rematch_known",
           "pipeline_for", "reanalyze", "write"]
