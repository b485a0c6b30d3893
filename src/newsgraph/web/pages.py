"""Server-rendered pages: home, search, article, speaker, quotation, entities, API docs."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse

from .. import store as S
from . import params as P
from .api import speaker_ref, store
from .render import article_view, safe_url, timeline_svg

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
TIMELINE_MAX = 1000   # quotations drawn on a speaker's timeline


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    env = request.app.state.templates
    html = env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


@router.get("/")
def home(request: Request, st: S.Store = Depends(store)):
    return render(request, "home.html", title="newsgraph", stats=S.stats(st),
                  speakers=S.top_speakers(st, limit=12)["items"],
                  latest=S.search_quotations(st, order="date", limit=8)["items"])


@router.get("/search")
def search(request: Request, args: P.SearchArgs = Depends(), limit: int = P.limit(),
           offset: int = P.offset(), st: S.Store = Depends(store)):
    result = S.search_quotations(st, **args.store_kwargs(), limit=limit, offset=offset)
    form = args.form()
    return render(request, "search.html", title="Search quotations", form=form, result=result,
                  args={k: v for k, v in form.items()}, limit=limit)


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str = Path(..., max_length=1000), st: S.Store = Depends(store)):
    data = S.get_article(st, article_id)
    rec = data["record"]
    view = article_view(rec, data["store"])
    meta = rec.get("metadata") or {}
    return render(request, "article.html", title=rec.get("title") or rec.get("id"), rec=rec, info=data["store"],
                  view=view, url=safe_url(meta.get("url")), meta=meta)


@router.get("/speakers/{speaker}")
def speaker(request: Request, speaker: str = Path(..., max_length=P.MAX_TEXT), limit: int = P.limit(),
            offset: int = P.offset(), st: S.Store = Depends(store)):
    data = S.get_speaker(st, speaker_ref(speaker), limit=limit, offset=offset)
    everything = S.speaker_dates(st, data["id"], limit=TIMELINE_MAX)      # one index scan, not 1,000 quotations
    occurrences = S.occurrences_of(st, [q["id"] for q in data["quotations"]["items"]])
    for q in data["quotations"]["items"]:
        q["occurrences"] = occurrences[q["id"]]
    events = S.entity_events(st, data["id"])
    marks = [{"date": e["date"], "type": e["type"], "role": role} for role in ("did", "done_to") for e in events[role]]
    return render(request, "speaker.html", title=data["name"], sp=data,
                  timeline=timeline_svg(everything, events=marks), timeline_n=len(everything), limit=limit,
                  events=events)


@router.get("/sources")
def sources(request: Request, since: Optional[str] = P.date("Published from."),
            until: Optional[str] = P.date("Published up to."),
            by: Optional[str] = P.choice(P.Grouping, "Third chart: outlet, month or section."),
            st: S.Store = Depends(store)):
    """Who gets quoted: gender by outlet and by month, roles, top voices; every figure links
    to the quotations behind it."""
    from .charts import gender_rows, group_label, role_rows, search_url, stacked_bars_svg

    since, until = since or None, until or None
    outlets = S.sources(st, by="outlet", since=since, until=until, top=6)
    months = S.sources(st, by="month", since=since, until=until, top=0)
    sections = S.sources(st, by="section", since=since, until=until, top=0)
    total = outlets["total"]
    charts = {
        "outlet": stacked_bars_svg(gender_rows(outlets["groups"], label_of=group_label("outlet")),
                                   ("female", "male", "unknown"), label="gender of the people quoted, by outlet"),
        "month": stacked_bars_svg(gender_rows(months["groups"], label_of=group_label("month")),
                                  ("female", "male", "unknown"), label="gender of the people quoted, by month"),
        "section": stacked_bars_svg(gender_rows(sections["groups"], label_of=group_label("section")),
                                    ("female", "male", "unknown"), label="gender of the people quoted, by section"),
        "roles": stacked_bars_svg(role_rows(total), tuple(total["roles"]), css="stack roles",
                                  label="roles of the people and anonymous sources quoted", unit="sources"),
    }
    return render(request, "sources.html", title="Sources", total=total, charts=charts, url=search_url,
                  n_outlets=outlets["n_groups"], n_months=months["n_groups"], n_sections=sections["n_groups"],
                  args={"since": since or "", "until": until or ""}, by=by or "")


@router.get("/quotations/{quotation_id}")
def quotation(request: Request, quotation_id: int = Path(..., ge=1, le=2**62), st: S.Store = Depends(store)):
    q = S.get_quotation(st, quotation_id)
    return render(request, "quotation.html", title="Quotation", q=q)


@router.get("/entities")
def entities(request: Request, type: Optional[str] = P.text("label", max_length=20),
             q: Optional[str] = P.text("name"), limit: int = P.limit(50), offset: int = P.offset(),
             st: S.Store = Depends(store)):
    result = S.list_entities(st, type=(type or "").strip() or None, search=(q or "").strip() or None,
                             limit=limit, offset=offset)
    return render(request, "entities.html", title="Entities", result=result,
                  args={"type": type or "", "q": q or ""}, limit=limit)


@router.get("/docs")
def docs(request: Request):
    """The OpenAPI schema as a page (no Swagger UI: it would load from a CDN)."""
    schema = request.app.openapi()
    ops = []
    for path_, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            ops.append({"path": path_, "method": method.upper(), "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": [
                            {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                             "description": p.get("description") or p.get("schema", {}).get("description", ""),
                             "schema": _schema_text(p.get("schema", {}))} for p in op.get("parameters", [])],
                        "responses": sorted(op.get("responses", {}))})
    return render(request, "docs.html", title="API", ops=ops, info=schema.get("info", {}))


def _schema_text(s: dict) -> str:
    if "anyOf" in s:
        s = next((x for x in s["anyOf"] if x.get("type") != "null"), {})
    bits = [s.get("type", "")]
    for key, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "max length ")):
        if key in s:
            bits.append(f"{label}{s[key]}")
    if "default" in s and s["default"] is not None:
        bits.append(f"default {s['default']}")
    return ", ".join(b for b in bits if b)
