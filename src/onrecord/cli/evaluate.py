"""`onrecord eval`: score the pipeline against gold (the seed article, PolNeAR, speaker gold, GAP)."""
from __future__ import annotations

import json

import click

from ..evaluation import gap, polnear
from ..evaluation import gold as gold_eval
from . import main
from .common import handle_errors, learned_option, options, resolver_option


@main.group("eval")
def eval_group() -> None:
    """Score onrecord against gold annotations."""


@eval_group.command("gold")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--pred", "pred_file", type=click.Path(dir_okay=False), default=None,
              help="A saved article record (JSON) to score instead of running the pipeline (one gold file).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@learned_option
@resolver_option
@handle_errors
def eval_gold(gold_files: tuple[str, ...], pred_file: str | None, as_json: bool, learned: bool | None,
              resolver: str | None) -> None:
    """Statement P/R/F1, speaker, type, act and claim-stance accuracy against *.gold.json files
    (several files: each on a line, then their sum)."""
    from ..errors import UsageError
    if pred_file and len(gold_files) > 1:
        raise UsageError("--pred scores one gold file", code="E500")
    pipeline = None
    if not pred_file:
        from ..pipeline import load_pipeline
        pipeline = load_pipeline(options(learned=learned, resolver=resolver))
    scores = [gold_eval.evaluate_file(g, pred_file, pipeline=pipeline) for g in gold_files]
    if len(scores) == 1:
        result = scores[0].to_dict()
        if as_json:
            click.echo(json.dumps(result, indent=1))
            return
        for key, value in result.items():
            if isinstance(value, list):
                for item in value:
                    click.echo(f"  {key[:-1] if key.endswith('s') else key}: {item}")
            else:
                click.echo(f"{key}: {value}")
        return
    total = gold_eval.total(scores)
    if as_json:
        click.echo(json.dumps({"total": total, "articles": {
            g: s.to_dict() for g, s in zip(gold_files, scores)}}, indent=1))
        return
    for g, s in zip(gold_files, scores):
        click.echo(f"{g}: gold {s.statements_gold} pred {s.statements_pred} matched {s.matched} "
                   f"F1 {s.f1:.3f} speaker {s.speaker_accuracy:.3f}")
    click.echo(f"total, {total['articles']} articles: gold {total['statements_gold']} pred "
               f"{total['statements_pred']} matched {total['matched']} (+{total['optional_matched']} optional) "
               f"P {total['precision']:.3f} R {total['recall']:.3f} F1 {total['f1']:.3f} "
               f"type {total['type_accuracy']:.3f} act {total['act_accuracy']:.3f} "
               f"speaker {total['speaker_accuracy']:.3f}")


@eval_group.command("polnear")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N articles (by name).")
@click.option("--system", type=click.Choice(polnear.SYSTEMS), default="pipeline", show_default=True,
              help="What to score: the pipeline's statements, the tagger on the shared encoder alone, "
                   "or the older CRF tagger alone.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@learned_option
@handle_errors
def eval_polnear(directory: str, limit: int | None, system: str, as_json: bool, learned: bool | None) -> None:
    """Source / cue / content span figures on a PolNeAR folder (text/*.txt + attributions/*.ann)."""
    from ..pipeline import load_pipeline
    pipeline = load_pipeline(options(learned=learned))
    result = polnear.evaluate(directory, limit=limit, system=system, pipeline=pipeline).to_dict()
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    click.echo(f"articles: {result['articles']}  system: {system}")
    click.echo(f"{'role':8} {'exact P':>8} {'R':>6} {'F1':>6} {'macroF1':>8} {'token P':>8} {'R':>6} {'F1':>6}")
    for role in ("source", "cue", "content"):
        e, t = result["exact"][role], result["token"][role]
        click.echo(f"{role:8} {e['precision']:8.3f} {e['recall']:6.3f} {e['f1']:6.3f} "
                   f"{result['exact_macro_f1'][role]:8.3f} {t['precision']:8.3f} {t['recall']:6.3f} {t['f1']:6.3f}")
    a = result["attributions"]
    click.echo(f"attributions (content overlap >= 1/2): P {a['precision']:.3f} R {a['recall']:.3f} "
               f"F1 {a['f1']:.3f}")
    click.echo(f"speech-cue recall: {result['speech_cue_recall']:.3f} "
               f"(exact cue {result['speech_cue_exact_recall']:.3f}, "
               f"{result['speech_cue_attributions']} speech-cue attributions)")


@eval_group.command("speakers")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--extracted", is_flag=True,
              help="Score the speakers of the statements the pipeline finds (matched to gold by content), "
                   "instead of resolving the gold statements' own mentions.")
@click.option("--errors", "show_errors", is_flag=True, help="List every wrong speaker.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@learned_option
@resolver_option
@handle_errors
def eval_speakers(gold_files: tuple[str, ...], extracted: bool, show_errors: bool, as_json: bool,
                  learned: bool | None, resolver: str | None) -> None:
    """Speaker accuracy by kind of mention (pronoun, description, name, unnamed, none) over *.gold.json files."""
    from ..evaluation import speakers as speaker_eval
    from ..pipeline import load_pipeline
    mode = "extracted" if extracted else "gold"
    summary, rows = speaker_eval.evaluate(gold_files, load_pipeline(options(learned=learned, resolver=resolver)).nlp,
                                          mode)
    if as_json:
        click.echo(json.dumps({"mode": mode, "files": len(gold_files), "summary": summary,
                               "errors": [r for r in rows if not r["ok"]]}, indent=1))
        return
    click.echo(f"speaker accuracy ({mode} statements), {len(gold_files)} files")
    for kind, v in summary.items():
        click.echo(f"  {kind:12} {v['correct']:4}/{v['n']:<4} {v['accuracy']:.3f}")
    if show_errors:
        for r in rows:
            if not r["ok"]:
                click.echo(f"  x {r['file']} {r['id']} [{r['kind']}] {r['speaker_text']!r}: "
                           f"got {r['pred']!r}, gold {r['gold']!r}")


@eval_group.command("gap")
@click.argument("tsv", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@resolver_option
@handle_errors
def eval_gap(tsv: str, as_json: bool, resolver: str | None) -> None:
    """Pronoun resolution on a GAP file (gap-validation.tsv): P/R/F1 of pronoun -> name, by gender."""
    from ..pipeline import load_pipeline
    opts = options(resolver=resolver)
    examples = gap.read(tsv)
    figures = gap.score(examples, gap.predict(load_pipeline(opts).nlp, examples))
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    click.echo(f"GAP: {len(examples)} examples, resolver: {opts.resolver}")
    for k in ("overall", "masculine", "feminine"):
        f = figures[k]
        click.echo(f"  {k:10} P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f}  (n {f['n']})")
    click.echo(f"  bias (F/M) {figures['bias']}")


@eval_group.command("stories")
@click.option("--story", "names", multiple=True,
              help="A story of the gold (repeatable; default: every story). The tuning story is iran-saudi, "
                   "the held-out one nuclear-deal.")
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False), default=None,
              help="The story gold (default: tests/gold/claims/gold.json of the checkout).")
@click.option("--threshold", "thresholds", type=float, multiple=True,
              help="Global linking threshold(s) to score (repeatable; default: the shipped one).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@handle_errors
def eval_stories(names: tuple[str, ...], gold_path: str | None, thresholds: tuple[float, ...], as_json: bool) -> None:
    """Claim linking across articles against stories clustered by hand: pairwise and B³ F1, stance
    agreement (tests/gold/claims/, the guideline in tests/gold/README.md)."""
    from ..evaluation import stories
    gold = stories.load(gold_path) if gold_path else stories.load()
    results = [stories.evaluate(n, gold, thresholds) for n in (names or sorted(gold))]
    if as_json:
        click.echo(json.dumps(results, indent=1))
        return
    for res in results:
        click.echo(f"{res['story']} ({res['half']}): {res['articles']} articles")
        for t, r in res["runs"].items():
            pw, pa, b3, e2e = r["pairwise"], r["pairwise_across_articles"], r["b_cubed"], r["end_to_end"]
            click.echo(f"  threshold {t}: {r['matched']}/{r['rows']} rows matched, {r['gold_claims']} gold claims "
                       f"({r['gold_claims_2plus']} with 2+ rows), {r['system_clusters']} system clusters")
            click.echo(f"    pairwise  P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f}   "
                       f"across articles F1 {pa['f1']:.3f}")
            click.echo(f"    B3        P {b3['precision']:.3f} R {b3['recall']:.3f} F1 {b3['f1']:.3f}   "
                       f"end to end: pairwise F1 {e2e['pairwise']['f1']:.3f}, B3 F1 {e2e['b_cubed']['f1']:.3f}")
            st = r["stance"]
            click.echo(f"    stance agreement {st['agree']:.3f} over {st['in_a_claim']} rows in a claim")
