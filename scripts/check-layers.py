#!/usr/bin/env python3
"""Checks that the crate's file-level module graph keeps its layers, so the restructure holds.

Each .rs file under src/ is a module (ui/board/card.rs is ui::board::card, a mod.rs is its
directory, lib.rs the root; main.rs is the binary, another crate: skipped). Edges are `use`s
and inline `crate::`/`super::`/`self::` paths (never `mod x;`). It fails, one line each, on:
  cycle  files that import each other, so none can be understood or moved alone;
  layer  model/formats import only model/formats; web no session or ui; session never ui;
         ui never web::storage, which belongs to the session;
  room   a directory under src/ui/ imports only itself, ui::chrome and what is outside ui;
         chrome nothing else in ui (the files directly in src/ui/ wire the rooms together);
  stale  `crate::ui::state::X` when ui::state is no file (moved, importers not updated),
         which would otherwise pass for an import of ui.
Usage: check-layers.py [SRC_DIR]  (default: src/ beside scripts/);  check-layers.py --self-test
"""
import re
import sys
import tempfile
from pathlib import Path

# Top-level module -> the top-level modules it may import (ui: all, bar web::storage).
ALLOWED = {"model": {"model", "formats"}, "formats": {"model", "formats"},
           "web": {"model", "formats", "web"}, "session": {"model", "formats", "web", "session"}}
# What scanning must not look into: comments (nested /* */ too), strings, raw strings and
# char literals ('"' would otherwise open a string; the 'a of a lifetime is no char).
SKIP = re.compile(r"""//[^\n]*|/\*|(?<!\w)b?r(#*)"|"(?:\\.|[^"\\])*"|"""
                  r"""'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'""", re.S)
USE = re.compile(r"\buse\s+([^;]*);")
INLINE = re.compile(r"(?<!\w)\$?(crate|super|self)((?:\s*::\s*\w+)+)")
INLINE_MOD = re.compile(r"\bmod\s+(\w+)\s*\{")
VISIBILITY = re.compile(r"\bpub\s*\(\s*in\s+[^)]*\)")  # pub(in crate::x) imports nothing


def blank(text):  # keeps the newlines, so that line numbers stay right
    return re.sub(r"[^\n]", " ", text)


def strip(src):
    out, i = [], 0
    while m := SKIP.search(src, i):
        out.append(src[i:m.start()])
        end = m.end()
        if m.group(0) == "/*":  # block comments nest in Rust
            depth = 1
            while depth and end < len(src):
                two = src[end:end + 2]
                depth += {"/*": 1, "*/": -1}.get(two, 0)
                end += 2 if two in ("/*", "*/") else 1
        elif m.group(1) is not None:  # a raw string ends at a quote and as many #s
            close = src.find('"' + m.group(1), end)
            end = len(src) if close < 0 else close + 1 + len(m.group(1))
        out.append(blank(src[m.start():end]))
        i = end
    return VISIBILITY.sub(lambda v: blank(v.group(0)), "".join(out) + src[i:])


def use_paths(body):
    """Expands a use tree (groups, self, globs, aliases) into its full paths."""
    toks, out = re.findall(r"::|[{},*]|\w+", body), []

    def tree(i, prefix):
        path = list(prefix)
        while i < len(toks) and toks[i] not in (",", "}"):
            t = toks[i]
            if t == "{":
                i += 1
                while i < len(toks) and toks[i] != "}":
                    i = tree(i, path)
                    i += i < len(toks) and toks[i] == ","
                return i + 1
            if t == "as":  # an alias names nothing new
                i += 1
            elif t not in ("::", "*") and not (t == "self" and path):  # {self}: the prefix
                path.append(t)
            i += 1
        out.append(path)
        return i

    tree(0, [])
    return [p for p in out if p]


def resolve(segs, cur, files, uniform):
    """The module path a path names, from module `cur`; None when it is another crate's."""
    if segs[0] == "crate":
        return tuple(segs[1:])
    if segs[0] in ("self", "super"):  # (`self` only ever starts a path: it changes nothing)
        full = cur
        for s in segs:
            full = full[:-1] if s == "super" else full if s == "self" else full + (s,)
        return full
    if uniform and cur + (segs[0],) in files:  # 2018 paths: `use child::X` in a use
        return cur + tuple(segs)
    return None  # std, leptos, ...


def names_moved_module(target, missing, files, code, inline_mods):
    """Whether target::missing can only be a module file that is gone. Below a module with
    child files (lib.rs, a mod.rs, x.rs beside x/), a lowercase name the module neither
    defines nor re-exports (a bare `mod x;` defines nothing) is such a file; left alone it
    would pass for an import of `target` itself."""
    has_children = target not in files or files[target].stem in ("mod", "lib") \
        or files[target].with_suffix("").is_dir()
    code = re.sub(rf"\bmod\s+{missing}\s*;", "", code)
    return missing[0].islower() and has_children and target + (missing,) not in inline_mods \
        and not re.search(rf"\b{missing}\b", code)


def scan(src_dir):
    """Returns ({module: file}, {module: {imported module: line}}, [stale-path problems])."""
    files, codes = {}, {}
    for p in sorted(src_dir.rglob("*.rs")):
        parts = list(p.relative_to(src_dir).with_suffix("").parts)
        if parts != ["main"]:
            if parts[-1] == "mod" or parts == ["lib"]:
                parts.pop()
            files[tuple(parts)], codes[tuple(parts)] = p, strip(p.read_text())
    # Inline `mod x { ... }` blocks (tests, mostly) change what super and self mean inside.
    blocks, inline_mods = {}, set()
    for mod, code in codes.items():
        blocks[mod] = []
        for m in INLINE_MOD.finditer(code):
            depth, end = 1, m.end()
            while depth and end < len(code):
                depth += {"{": 1, "}": -1}.get(code[end], 0)
                end += 1
            blocks[mod].append((m.start(), end, m.group(1)))
        for start, _, inner in blocks[mod]:
            inline_mods.add(mod + tuple(n for s, e, n in blocks[mod] if s < start < e) + (inner,))
    edges, stale = {m: {} for m in files}, {}  # stale: {(file, line, module): None}, in order
    for mod, code in codes.items():
        paths = [(segs, m.start(), True) for m in USE.finditer(code) for segs in use_paths(m.group(1))]
        rest = USE.sub(lambda m: blank(m.group(0)), code)  # use statements are counted already
        paths += [([m.group(1)] + re.findall(r"\w+", m.group(2)), m.start(), False)
                  for m in INLINE.finditer(rest)]
        for segs, pos, uniform in paths:
            full = resolve(segs, mod + tuple(n for s, e, n in blocks[mod] if s < pos < e),
                           files, uniform)
            if full is None:
                continue
            # `crate::model::board::Board` imports the longest prefix that is a module file.
            target = max((full[:k] for k in range(len(full) + 1) if full[:k] in files),
                         key=len, default=())  # (a fake tree may have no lib.rs)
            missing, line = full[len(target):][:1], code.count("\n", 0, pos) + 1
            if missing and names_moved_module(target, missing[0], files, codes.get(target, ""),
                                              inline_mods):
                stale.setdefault((files[mod], line, target + missing))
            elif target != mod and target in files:
                edges[mod].setdefault(target, line)
    return files, edges, [f"stale: {path.relative_to(src_dir.parent)}:{line}: {name(m)} is no "
                          f"module file and {name(m[:-1])} does not define it" for path, line, m in stale]


def cycles(edges):
    """Tarjan's strongly connected components, each > 1 with one shortest cycle in it."""
    index, low, stack, found = {}, {}, [], []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = set(stack[stack.index(v):])
            del stack[stack.index(v):]
            if len(scc) > 1:
                start = min(scc)  # breadth-first from it, inside the component, back to it
                paths, queue = {start: [start]}, [start]
                for u in queue:  # (the queue grows while we walk it)
                    if start in edges[u]:
                        found.append((paths[u] + [start], scc))
                        break
                    for w in sorted(set(edges[u]) & scc - set(paths)):
                        paths[w] = paths[u] + [w]
                        queue.append(w)

    sys.setrecursionlimit(max(1000, 4 * len(edges)))
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return sorted(found)


def name(mod):
    return "::".join(mod) or "crate"


def check(src_dir):
    """Returns (problems, files, edges)."""
    files, edges, problems = scan(src_dir)
    ui = src_dir / "ui"
    rooms = {d.name for d in ui.iterdir() if d.is_dir()} if ui.is_dir() else set()
    room = lambda m: m[1] if m[:1] == ("ui",) and len(m) > 1 and m[1] in rooms else None
    for path, scc in cycles(edges):
        tangle = f" (a tangle of {len(scc)} files: {', '.join(sorted(map(name, scc)))})"
        problems.append(f"cycle: {' → '.join(map(name, path))}"
                        + (tangle if len(scc) > len(path) - 1 else ""))
    for src in sorted(edges):
        for tgt, line in sorted(edges[src].items()):
            where = f"{files[src].relative_to(src_dir.parent)}:{line}: {name(src)} imports {name(tgt)}"
            top, to_top = (src or ("",))[0], (tgt or ("crate",))[0]
            if top in ALLOWED and to_top not in ALLOWED[top]:
                problems.append(f"layer: {where}: {top} may import only {', '.join(sorted(ALLOWED[top]))}")
            if top == "ui" and tgt[:2] == ("web", "storage"):
                problems.append(f"layer: {where}: ui must not use web::storage (it belongs to the session)")
            if top == to_top == "ui" and room(src) and room(tgt) not in (room(src), "chrome"):
                problems.append(f"room: {where}: " + (
                    "chrome may import only chrome within ui" if room(src) == "chrome" else
                    f"room {room(src)} may import only itself, ui::chrome and modules outside ui"))
    return problems, files, edges


def self_test():
    """Runs the checker on tiny fake trees (files under src/, written `path: text` with `⏎` for
    a newline) and compares the problems it reports, and for the clean tree its edges."""
    rule = "may import only itself, ui::chrome and modules outside ui"
    cases = [
        ("cycle", "model/mod.rs: mod a; mod b;|model/a.rs: use crate::model::b::X;|"
                  "model/b.rs: pub use super::a::{Y as Z};", ["cycle: model::a → model::b → model::a"]),
        ("session imports ui", "session/mod.rs: use crate::ui::app::App;⏎use crate::ui::{state::Old"
         ", gone};|ui/mod.rs: mod app; mod state;|ui/app.rs: fn f() { crate::web::storage::get(); }"
         "|web/storage.rs: ", ["stale: src/session/mod.rs:2: ui::state is no module file and ui "
         "does not define it", "stale: src/session/mod.rs:2: ui::gone is no module file and ui "
         "does not define it", "layer: src/session/mod.rs:1: session imports ui::app: session may "
         "import only formats, model, session, web", "layer: src/ui/app.rs:1: ui::app imports "
         "web::storage: ui must not use web::storage (it belongs to the session)"]),
        ("room imports room", "ui/board/card.rs: use crate::ui::panels::inspector::Inspector;|"
         "ui/panels/inspector.rs: use crate::ui::chrome::Modal;|ui/board/pin.rs: |ui/chrome/mod.rs:"
         " ⏎⏎use super::board::pin;|ui/app.rs: use crate::ui::{board::card::Card, panels::inspector};",
         [f"room: src/ui/board/card.rs:1: ui::board::card imports ui::panels::inspector: room board "
          f"{rule}", "room: src/ui/chrome/mod.rs:3: ui::chrome imports ui::board::pin: chrome may "
          "import only chrome within ui"]),
        ("clean", "lib.rs: mod model; mod web; mod ui;|model/mod.rs: pub mod board;|model/board.rs: "
         "// use crate::ui::app;⏎/* crate::web /* nested */ ui */⏎/// crate::ui::app::App⏎fn f<'a>(c:"
         " char) -> &'a str { if c == '\"' { \"crate::ui::app\" } else { r#\"crate::web\"# } }|"
         "web/mod.rs: pub mod storage;⏎use crate::model::{⏎    board::{Board,⏎        Key},⏎};|"
         "web/storage.rs: use super::{self as web};|ui/mod.rs: use self::app::App;|ui/app.rs: use "
         "super::board::Board;⏎fn g() { crate::ui::board::view::draw(); crate::model::board::new(); }"
         "|ui/board/mod.rs: pub mod view;|ui/chrome/icons.rs: |ui/board/view.rs: use super::super::"
         "chrome::icons::*;⏎#[cfg(test)] mod tests { use super::*; }|main.rs: use crate::ui::app;", [],
         {"web": {"model::board"}, "web::storage": {"web"}, "ui": {"ui::app"}, "ui::board::view":
          {"ui::chrome::icons"}, "ui::app": {"ui::board", "ui::board::view", "model::board"}}),
    ]
    failed = 0
    for title, tree, want, *want_edges in cases:
        with tempfile.TemporaryDirectory() as tmp:
            for entry in tree.split("|"):
                rel, text = entry.split(": ", 1)
                (Path(tmp) / "src" / rel).parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / "src" / rel).write_text(text.replace("⏎", "\n"))
            got, _, edges = check(Path(tmp) / "src")
        got_edges = {name(m): set(map(name, ts)) for m, ts in edges.items() if ts}
        if got != want or want_edges not in ([], [got_edges]):
            failed += 1
            print(f"self-test {title!r} failed:\n  wanted {want}\n  got    {got}\n  edges  {got_edges}")
    print(f"check-layers self-test: {len(cases) - failed} passed, {failed} failed")
    return failed == 0


def main(args):
    if args == ["--self-test"]:
        return 0 if self_test() else 1
    src = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "src"
    problems, files, edges = check(src.resolve())
    imports = sum(len(t) for t in edges.values())
    for problem in problems:
        print(problem)
    verdict = f"{len(problems)} problems" if problems else "no cycles, layer rules kept"
    print(f"layers: {len(files)} files, {imports} imports, {verdict}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
