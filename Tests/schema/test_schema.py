"""`showrunner schema` against the decoder: every shipped and generated example validates against the JSON Schema
(draft 2020-12), and the keys the schema names are exactly the keys the decoder accepts, object by object (the
decoder, told of an unknown key, lists the keys it knows)."""
import json
import os
import pathlib
import re
import subprocess
import tempfile

import jsonschema
import pytest
import yaml

class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 booleans, as Yams and yaml-language-server read them: only true/false (PyYAML's 1.1 also takes
    on/off/yes/no, so `retry: { on: [...] }` would become a key True)."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

BIN = os.environ.get("SHOWRUNNER_BIN", ".build/debug/showrunner")
ROOT = pathlib.Path(__file__).resolve().parents[2]
BOGUS = "zqxjkvbwzqxjkvbw"


def schema(kind):
    out = subprocess.run([BIN, "schema", kind], check=True, capture_output=True, text=True).stdout
    document = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(document)
    return document


def validate_file(kind, path):
    document = yaml.load(path.read_text(), Loader=Yaml12Loader)
    errors = list(jsonschema.Draft202012Validator(schema(kind)).iter_errors(document))
    assert not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def shipped():
    files = [("account", p) for p in sorted((ROOT / "accounts.d").glob("*.yaml"))]
    files += [("pipeline", p) for p in sorted((ROOT / "pipelines").glob("*.yaml"))]
    files += [("settings", p) for p in [ROOT / "showrunner.yaml"] if p.exists()]
    return files


@pytest.mark.parametrize("kind,path", shipped(), ids=lambda v: str(v).split("/")[-1])
def test_shipped_examples_validate(kind, path):
    validate_file(kind, path)


def test_init_output_validates_and_points_at_its_schema(tmp_path):
    subprocess.run([BIN, "init", str(tmp_path)], check=True, capture_output=True)
    for kind, rel in [("account", "accounts.d/my-channel.yaml"), ("pipeline", "pipelines/shorts.yaml"),
                      ("settings", "showrunner.yaml")]:
        path = tmp_path / rel
        first = path.read_text().splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, first
        target = (path.parent / match.group(1)).resolve()
        assert json.loads(target.read_text()) == schema(kind)
        validate_file(kind, path)


def test_a_wrong_value_is_caught_by_the_schema():
    validator = jsonschema.Draft202012Validator(schema("account"))
    bad = {"channel": {"type": "x"}, "pipeline": "shorts", "schedule": {"cron": "0 9 * * *", "overlap": "sometimes"}}
    assert any("sometimes" in e.message for e in validator.iter_errors(bad))


def objects(node, path=()):
    """Every fixed-key object of the schema, with the path to it (`*` a free key, `[]` a list item)."""
    if node.get("additionalProperties") is False:
        yield path, set(node["properties"])
        for key, child in node["properties"].items():
            yield from objects(child, path + (key,))
    elif isinstance(node.get("additionalProperties"), dict):
        yield from objects(node["additionalProperties"], path + ("*",))
    if "items" in node:
        yield from objects(node["items"], path + ("[]",))
    for shape in node.get("anyOf", []):
        yield from objects(shape, path)


def plant(document, path):
    """Puts the bogus key at `path` in `document` (building mappings and one-item lists on the way)."""
    here = document
    for index, key in enumerate(path):
        if key == "[]":
            continue
        name = "x" if key == "*" else key
        listed = index + 1 < len(path) and path[index + 1] == "[]"
        if listed:
            here = here.setdefault(name, [{}])[0]
        else:
            here = here.setdefault(name, {})
    here[BOGUS] = 1


def known_keys(kind, document):
    """What the decoder says it knows at each path where the bogus key sits."""
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        (folder / "accounts.d").mkdir()
        (folder / "pipelines").mkdir()
        target = {"account": "accounts.d/a.yaml", "pipeline": "pipelines/p.yaml", "settings": "showrunner.yaml"}[kind]
        (folder / target).write_text(yaml.safe_dump(document))
        result = subprocess.run([BIN, "validate", "--config", str(folder), "--format", "json", "--no-preflight"],
                                capture_output=True, text=True)
        found = {}
        for diagnostic in json.loads(result.stdout)["diagnostics"]:
            path = diagnostic.get("key_path") or ""
            match = re.search(r"known keys: (.*)\.$", diagnostic["message"])
            if path.endswith(BOGUS) and match:
                found[path[: -len(BOGUS)].rstrip(".")] = set(match.group(1).split(", "))
        return found


def decoder_path(path):
    text = ""
    for key in path:
        text += "[0]" if key == "[]" else (("." if text else "") + ("x" if key == "*" else key))
    return text


@pytest.mark.parametrize("kind", ["account", "pipeline", "settings"])
def test_schema_keys_are_the_decoder_keys(kind):
    expected = dict(objects(schema(kind)))
    document = {}
    for path in expected:
        plant(document, path)
    found = known_keys(kind, document)
    for path, keys in expected.items():
        where = decoder_path(path)
        assert where in found, f"the decoder did not reject an unknown key at '{where}' ({sorted(found)})"
        assert found[where] == keys, f"{where}: decoder {sorted(found[where])} vs schema {sorted(keys)}"
