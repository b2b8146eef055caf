#!/usr/bin/env python3
"""Validate a SARIF log for GitHub code scanning (standard library only).

Checks the required properties and types of the SARIF 2.1.0 specification
(OASIS, sarif-v2.1.0-os: sarifLog 3.13, run 3.14, toolComponent 3.19,
reportingDescriptor 3.49, result 3.27, location 3.28, physicalLocation 3.29,
artifactLocation 3.4, region 3.30, codeFlow 3.36, threadFlow 3.37,
threadFlowLocation 3.38, invocation 3.20, notification 3.58, message 3.11)
for the parts appsec-scan writes, plus what GitHub code scanning requires or
limits ("SARIF support for code scanning"): $schema, driver rules, rule
short/full descriptions (<= 1024 chars) and help text, <= 20 tags, precision
and security-severity values, result message text, locations,
partialFingerprints.primaryLocationLineHash, <= 20 runs, <= 25,000 results
and rules per run, <= 1,000 locations per result, <= 10,000 thread-flow
locations per result.

Usage: validate_sarif.py <file.sarif>     exit 0 if valid, 1 with reasons.
"""
import json
import math
import re
import sys
from urllib.parse import urlparse

LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}
IMPORTANCE = {"important", "essential", "unimportant"}
COLUMN_KINDS = {"utf16CodeUnits", "unicodeCodePoints"}


class Validator:
    def __init__(self):
        self.errors = []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")

    # -- primitive helpers --------------------------------------------------
    def obj(self, v, path):
        if not isinstance(v, dict):
            self.err(path, f"must be an object, not {type(v).__name__}")
            return False
        return True

    def arr(self, v, path, min_items=0, max_items=None):
        if not isinstance(v, list):
            self.err(path, f"must be an array, not {type(v).__name__}")
            return False
        if len(v) < min_items:
            self.err(path, f"needs at least {min_items} item(s)")
        if max_items is not None and len(v) > max_items:
            self.err(path, f"has {len(v)} items; GitHub accepts at most {max_items}")
        return True

    def string(self, v, path, max_len=None, nonempty=False):
        if not isinstance(v, str):
            self.err(path, f"must be a string, not {type(v).__name__}")
            return False
        if nonempty and not v.strip():
            self.err(path, "must not be empty")
        if max_len is not None and len(v) > max_len:
            self.err(path, f"is {len(v)} characters; the limit is {max_len}")
        return True

    def integer(self, v, path, minimum):
        if isinstance(v, bool) or not isinstance(v, int):
            self.err(path, f"must be an integer, not {type(v).__name__}")
            return False
        if v < minimum:
            self.err(path, f"must be >= {minimum}, is {v}")
        return True

    def required(self, o, key, path):
        if key not in o:
            self.err(path, f"missing required property '{key}'")
            return False
        return True

    def enum(self, v, allowed, path):
        if v not in allowed:
            self.err(path, f"'{v}' is not one of {sorted(allowed)}")

    # -- SARIF objects ------------------------------------------------------
    def message(self, m, path, need_text=True):
        if not self.obj(m, path):
            return
        if "text" not in m and "id" not in m:  # 3.11.1: text or id
            self.err(path, "a message needs 'text' or 'id'")
        if need_text and self.required(m, "text", path):
            self.string(m["text"], path + ".text", nonempty=True)
        elif "text" in m:
            self.string(m["text"], path + ".text")

    def multiformat(self, m, path, max_len=None):
        if not self.obj(m, path):
            return
        if self.required(m, "text", path):  # 3.12.3: text is required
            self.string(m["text"], path + ".text", max_len=max_len, nonempty=True)
        if "markdown" in m:
            self.string(m["markdown"], path + ".markdown")

    def uri(self, u, path):
        if not self.string(u, path, nonempty=True):
            return
        if re.search(r"\s", u):
            self.err(path, f"URI '{u}' contains white space (must be percent-encoded)")
        if "\\" in u:
            self.err(path, f"URI '{u}' contains a backslash")

    def artifact_location(self, a, path, base_ids):
        if not self.obj(a, path):
            return
        if "uri" in a:
            self.uri(a["uri"], path + ".uri")
            if "uriBaseId" in a:
                self.string(a["uriBaseId"], path + ".uriBaseId")
                if urlparse(a["uri"]).scheme:
                    self.err(path, "a uri with a uriBaseId must be relative")
                if base_ids is not None and a["uriBaseId"] not in base_ids:
                    self.err(path, f"uriBaseId '{a['uriBaseId']}' is not in run.originalUriBaseIds")
        elif "index" not in a:
            self.err(path, "needs 'uri' (GitHub needs a file for each location)")
        if "index" in a:
            self.integer(a["index"], path + ".index", -1)

    def region(self, r, path):
        if not self.obj(r, path):
            return
        if "startLine" not in r and "charOffset" not in r and "byteOffset" not in r:
            self.err(path, "needs startLine (or an offset)")
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if key in r:
                self.integer(r[key], f"{path}.{key}", 1)
        if isinstance(r.get("startLine"), int) and isinstance(r.get("endLine"), int) \
                and r["endLine"] < r["startLine"]:
            self.err(path, "endLine is before startLine")
        if (isinstance(r.get("startColumn"), int) and isinstance(r.get("endColumn"), int)
                and r.get("endLine", r.get("startLine")) == r.get("startLine")
                and r["endColumn"] < r["startColumn"]):
            self.err(path, "endColumn is before startColumn on the same line")

    def physical_location(self, p, path, base_ids):
        if not self.obj(p, path):
            return
        if "artifactLocation" not in p and "address" not in p:  # 3.29.2
            self.err(path, "needs 'artifactLocation' or 'address'")
        if "artifactLocation" in p:
            self.artifact_location(p["artifactLocation"], path + ".artifactLocation", base_ids)
        if "region" in p:
            self.region(p["region"], path + ".region")

    def location(self, loc, path, base_ids, need_physical=True):
        if not self.obj(loc, path):
            return
        if "id" in loc:
            self.integer(loc["id"], path + ".id", -1)
        if "physicalLocation" in loc:
            self.physical_location(loc["physicalLocation"], path + ".physicalLocation", base_ids)
        elif need_physical:
            self.err(path, "GitHub needs a physicalLocation")
        if "message" in loc:
            self.message(loc["message"], path + ".message")

    def rule(self, r, path):
        if not self.obj(r, path):
            return None
        if self.required(r, "id", path):
            self.string(r["id"], path + ".id", nonempty=True)
        if "name" in r:
            self.string(r["name"], path + ".name", max_len=255)
        for key in ("shortDescription", "fullDescription"):
            if self.required(r, key, path):  # GitHub: required, <= 1024
                self.multiformat(r[key], f"{path}.{key}", max_len=1024)
        if self.required(r, "help", path):  # GitHub: help.text required
            self.multiformat(r["help"], path + ".help")
        if "defaultConfiguration" in r and self.obj(r["defaultConfiguration"], path + ".defaultConfiguration"):
            lvl = r["defaultConfiguration"].get("level")
            if lvl is not None:
                self.enum(lvl, LEVELS, path + ".defaultConfiguration.level")
        props = r.get("properties", {})
        if self.obj(props, path + ".properties"):
            if "tags" in props and self.arr(props["tags"], path + ".properties.tags", max_items=20):
                for i, t in enumerate(props["tags"]):
                    self.string(t, f"{path}.properties.tags[{i}]", nonempty=True)
                if len(set(map(str, props["tags"]))) != len(props["tags"]):
                    self.err(path + ".properties.tags", "tags must be unique")
            if "precision" in props:
                self.enum(props["precision"], PRECISIONS, path + ".properties.precision")
            if "security-severity" in props:
                s = props["security-severity"]
                if not isinstance(s, str):
                    self.err(path + ".properties.security-severity", "must be a string holding a number")
                else:
                    try:
                        v = float(s)
                        if math.isnan(v) or not 0.0 <= v <= 10.0:
                            raise ValueError
                    except ValueError:
                        self.err(path + ".properties.security-severity",
                                 f"'{s}' is not a score between 0.0 and 10.0")
        return r.get("id")

    def result(self, res, path, rule_ids, base_ids):
        if not self.obj(res, path):
            return
        if self.required(res, "message", path):
            self.message(res["message"], path + ".message")  # GitHub: text required
        rid = res.get("ruleId")
        if rid is None and "rule" not in res:
            self.err(path, "needs 'ruleId' (GitHub)")
        elif rid is not None and self.string(rid, path + ".ruleId") and rid not in rule_ids:
            self.err(path + ".ruleId", f"'{rid}' is not a rule of tool.driver")
        if "ruleIndex" in res and self.integer(res["ruleIndex"], path + ".ruleIndex", -1):
            idx = res["ruleIndex"]
            if idx >= len(rule_ids):
                self.err(path + ".ruleIndex", f"{idx} is past the end of tool.driver.rules")
            elif idx >= 0 and rid is not None and rule_ids[idx] != rid:
                self.err(path + ".ruleIndex", f"points at rule '{rule_ids[idx]}', not '{rid}'")
        if "level" in res:
            self.enum(res["level"], LEVELS, path + ".level")
        if self.required(res, "locations", path) and \
                self.arr(res["locations"], path + ".locations", min_items=1, max_items=1000):
            for i, loc in enumerate(res["locations"]):
                self.location(loc, f"{path}.locations[{i}]", base_ids)
        if self.required(res, "partialFingerprints", path) and \
                self.obj(res["partialFingerprints"], path + ".partialFingerprints"):
            pf = res["partialFingerprints"]
            for k, v in pf.items():
                self.string(v, f"{path}.partialFingerprints.{k}", nonempty=True)
            if "primaryLocationLineHash" not in pf:
                self.err(path + ".partialFingerprints", "missing 'primaryLocationLineHash'")
        if "relatedLocations" in res and self.arr(res["relatedLocations"], path + ".relatedLocations",
                                                  max_items=1000):
            ids = []
            for i, loc in enumerate(res["relatedLocations"]):
                self.location(loc, f"{path}.relatedLocations[{i}]", base_ids)
                if isinstance(loc, dict) and "id" in loc:
                    ids.append(loc["id"])
            if len(ids) != len(set(ids)):
                self.err(path + ".relatedLocations", "location ids must be unique")
        if "codeFlows" in res and self.arr(res["codeFlows"], path + ".codeFlows", min_items=1):
            total = 0
            for i, cf in enumerate(res["codeFlows"]):
                cpath = f"{path}.codeFlows[{i}]"
                if not self.obj(cf, cpath) or not self.required(cf, "threadFlows", cpath):
                    continue
                if not self.arr(cf["threadFlows"], cpath + ".threadFlows", min_items=1):
                    continue
                for j, tf in enumerate(cf["threadFlows"]):
                    tpath = f"{cpath}.threadFlows[{j}]"
                    if not self.obj(tf, tpath) or not self.required(tf, "locations", tpath):
                        continue
                    if not self.arr(tf["locations"], tpath + ".locations", min_items=1):
                        continue
                    total += len(tf["locations"])
                    for k, tfl in enumerate(tf["locations"]):
                        lpath = f"{tpath}.locations[{k}]"
                        if not self.obj(tfl, lpath):
                            continue
                        if "location" in tfl:
                            self.location(tfl["location"], lpath + ".location", base_ids)
                        if "importance" in tfl:
                            self.enum(tfl["importance"], IMPORTANCE, lpath + ".importance")
            if total > 10000:
                self.err(path + ".codeFlows", f"{total} thread-flow locations; GitHub accepts 10,000")

    def invocation(self, inv, path, base_ids):
        if not self.obj(inv, path):
            return
        if self.required(inv, "executionSuccessful", path) and \
                not isinstance(inv["executionSuccessful"], bool):
            self.err(path + ".executionSuccessful", "must be a boolean")
        for key in ("toolExecutionNotifications", "toolConfigurationNotifications"):
            if key in inv and self.arr(inv[key], f"{path}.{key}"):
                for i, n in enumerate(inv[key]):
                    npath = f"{path}.{key}[{i}]"
                    if not self.obj(n, npath):
                        continue
                    if self.required(n, "message", npath):
                        self.message(n["message"], npath + ".message")
                    if "level" in n:
                        self.enum(n["level"], LEVELS, npath + ".level")
                    if "locations" in n and self.arr(n["locations"], npath + ".locations"):
                        for k, loc in enumerate(n["locations"]):
                            self.location(loc, f"{npath}.locations[{k}]", base_ids, need_physical=False)
                    if "descriptor" in n and self.obj(n["descriptor"], npath + ".descriptor"):
                        d = n["descriptor"]
                        if not any(k in d for k in ("id", "index", "guid")):
                            self.err(npath + ".descriptor", "needs 'id', 'index' or 'guid'")

    def run(self, run, path):
        if not self.obj(run, path):
            return
        if not self.required(run, "tool", path) or not self.obj(run["tool"], path + ".tool"):
            return
        tool = run["tool"]
        if not self.required(tool, "driver", path + ".tool") or \
                not self.obj(tool["driver"], path + ".tool.driver"):
            return
        drv = tool["driver"]
        dpath = path + ".tool.driver"
        if self.required(drv, "name", dpath):
            self.string(drv["name"], dpath + ".name", nonempty=True)
        rule_ids = []
        if self.required(drv, "rules", dpath) and \
                self.arr(drv["rules"], dpath + ".rules", max_items=25000):
            for i, r in enumerate(drv["rules"]):
                rule_ids.append(self.rule(r, f"{dpath}.rules[{i}]"))
            if len(set(rule_ids)) != len(rule_ids):
                self.err(dpath + ".rules", "rule ids must be unique")
        base_ids = None
        if "originalUriBaseIds" in run and self.obj(run["originalUriBaseIds"], path + ".originalUriBaseIds"):
            base_ids = set(run["originalUriBaseIds"])
            for k, a in run["originalUriBaseIds"].items():
                apath = f"{path}.originalUriBaseIds.{k}"
                if self.obj(a, apath) and "uri" in a:
                    self.uri(a["uri"], apath + ".uri")
                    if not a["uri"].endswith("/"):  # 3.14.14
                        self.err(apath + ".uri", "must end with '/'")
        if "columnKind" in run:
            self.enum(run["columnKind"], COLUMN_KINDS, path + ".columnKind")
        if "invocations" in run and self.arr(run["invocations"], path + ".invocations"):
            for i, inv in enumerate(run["invocations"]):
                self.invocation(inv, f"{path}.invocations[{i}]", base_ids)
        if "automationDetails" in run and self.obj(run["automationDetails"], path + ".automationDetails"):
            if "id" in run["automationDetails"]:
                self.string(run["automationDetails"]["id"], path + ".automationDetails.id")
        if self.required(run, "results", path) and \
                self.arr(run["results"], path + ".results", max_items=25000):
            for i, res in enumerate(run["results"]):
                self.result(res, f"{path}.results[{i}]", rule_ids, base_ids)

    def log(self, doc):
        if not self.obj(doc, "$"):
            return
        if self.required(doc, "$schema", "$"):  # GitHub requires it
            self.string(doc["$schema"], "$.$schema", nonempty=True)
        if self.required(doc, "version", "$") and doc["version"] != "2.1.0":
            self.err("$.version", f"must be \"2.1.0\", is {doc['version']!r}")
        if self.required(doc, "runs", "$") and self.arr(doc["runs"], "$.runs", max_items=20):
            for i, run in enumerate(doc["runs"]):
                self.run(run, f"$.runs[{i}]")


def validate(doc):
    v = Validator()
    v.log(doc)
    return v.errors


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{argv[1]}: not readable JSON: {e}", file=sys.stderr)
        return 1
    errors = validate(doc)
    for e in errors:
        print(f"{argv[1]}: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
