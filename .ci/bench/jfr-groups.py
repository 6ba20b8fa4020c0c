#!/usr/bin/env python3
"""Reads a JFR recording of ECX (settings=profile): attributes every CPU sample (jdk.ExecutionSample) to its library
group (the innermost frame outside the JDK), to its innermost org.ecx frame, and with --post to the phases of
POST /denials (the first phase whose marker is on the sample's stack, in the order listed). Used by .ci/bench/run
for the POST profile; by hand: .ci/bench/jfr-groups.py [--post] recording.jfr
Record with -XX:FlightRecorderOptions=stackdepth=256 for whole stacks (JFR keeps 64 frames by default: the
output counts the truncated samples, whose org.ecx frame may be cut off)."""
import collections, json, re, subprocess, sys

args = [a for a in sys.argv[1:] if a != "--post"]
post = "--post" in sys.argv
data = json.loads(subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample",
                                  args[0]], capture_output=True, text=True, check=True).stdout)
GROUPS = [
    ("ICU", ("com.ibm.icu.",)),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("Bean Validation", ("org.hibernate.validator.",)),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("PostgreSQL JDBC", ("org.postgresql.",)),
    ("Agroal/Narayana (pool, JTA)", ("io.agroal.", "com.arjuna.", "io.quarkus.narayana", "org.jboss.narayana", "io.quarkus.agroal")),
    ("OIDC/JWT/security", ("io.quarkus.oidc", "org.jose4j", "io.smallrye.jwt", "io.quarkus.security", "io.smallrye.security")),
    ("RESTEasy/Quarkus REST", ("org.jboss.resteasy", "io.quarkus.resteasy")),
    ("CDI (ArC)", ("io.quarkus.arc",)),
    ("Vert.x/Netty", ("io.vertx.", "io.netty.")),
    ("Lucene", ("org.apache.lucene.",)),
    ("Caffeine", ("com.github.benmanes",)),
    ("Micrometer", ("io.micrometer",)),
]
PHASES = [
    ("sequencer/sealers (background)", ["org.ecx.sequencer.", "org.ecx.audit.AuditSealer", "org.ecx.feed.FeedSealer"]),
    ("denial rows insert (NewDenialRows / ORM flush in reindex)", ["org.ecx.denial.NewDenialRows", "ScreeningIndex.reindex:flush"]),
    ("screening entry (reindex)", ["org.ecx.screening.ScreeningIndex"]),
    ("feed insert", ["org.ecx.feed.ChangeFeed"]),
    ("audit insert", ["org.ecx.audit.AuditLog"]),
    ("reference check", ["DenialWrites.requireUniqueReference"]),
    ("version row (ORM persist)", ["DenialWrites.recordVersion"]),
    ("view of the written denial (redactor/parse)", ["org.ecx.denial.DenialQueries", "org.ecx.denial.DenialRedactor"]),
    ("denial JSON body (write)", ["org.ecx.common.StoredJson.write"]),
    ("idempotency", ["org.ecx.denial.DenialIdempotency"]),
    ("DenialValidation", ["org.ecx.denial.DenialValidation"]),
    ("auth: token, caller, limiter, authorization", ["org.ecx.access.", "io.quarkus.oidc", "io.quarkus.security", "org.jose4j", "io.smallrye.jwt"]),
    ("Bean Validation", ["org.hibernate.validator."]),
    ("transaction begin/commit (Narayana, Agroal, flush at commit)", ["com.arjuna.", "io.quarkus.narayana", "io.agroal.", "TransactionalInterceptor"]),
    ("request body: read + JSON parse", ["BodyReadTimeout", "readFrom", "ServerJacksonMessageBodyReader", "BodyLimitFilter"]),
    ("response: JSON + write", ["writeTo", "ServerSerialisers", "JacksonMessageBodyWriter", "FullyFeaturedServerJacksonMessageBodyWriter"]),
    ("other DenialWrites.create", ["org.ecx.denial.DenialWrites"]),
    ("other ECX", ["org.ecx."]),
    ("HTTP stack (Vert.x, RESTEasy, CDI) outside the above", ["io.vertx.", "io.netty.", "org.jboss.resteasy", "io.quarkus"]),
]


def group_of(method):
    for g, prefixes in GROUPS:
        if method.startswith(prefixes):
            return g
    return "ECX own code" if method.startswith("org.ecx.") else None


groups, first_ecx, phase = collections.Counter(), collections.Counter(), collections.Counter()
n = truncated = 0
for e in data["recording"]["events"]:
    trace = e["values"].get("stackTrace") or {}
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in trace.get("frames", [])]
    n += 1
    truncated += 1 if trace.get("truncated") else 0
    groups[next((group_of(m) for m in frames if group_of(m)), "JDK only")] += 1
    first_ecx[next((re.sub(r"\$\$Lambda.*", "$$Lambda", m) for m in frames if m.startswith("org.ecx.")), "(no ECX frame)")] += 1
    joined = "\n".join(frames)
    if "ScreeningIndex.reindex" in joined and "org.hibernate." in joined:
        joined += "\nScreeningIndex.reindex:flush"  # the ORM flush that reindex used to trigger: the denial's rows
    phase[next((p for p, marks in PHASES if any(m in joined for m in marks)), "JDK/other")] += 1


def table(title, counter, limit=None):
    print(f"\n{title}\n")
    print("| samples | share | |\n|---:|---:|---|")
    for k, v in counter.most_common(limit):
        print(f"| {v} | {100 * v / max(n, 1):.1f} % | {k} |")


print(f"{n} CPU samples ({truncated} with a truncated stack)")
table("Library group (innermost frame outside the JDK):", groups)
table("Innermost org.ecx frame:", first_ecx, 15)
if post:
    table("Phase of POST /denials (first marker on the stack, in a fixed order):", phase)
