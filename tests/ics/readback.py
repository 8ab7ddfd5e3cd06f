#!/usr/bin/python3
"""readback.py — an independent check of an .ics file written by `ramme schedule
--format ics`, read with Python's `icalendar` library (Debian: python3-icalendar)
rather than libical, which wrote it.

Usage: readback.py FILE.ics [--expect-sessions N]

Checks that
  - the file parses, every line ends in CRLF and is at most 75 octets, and no
    line holds a control character other than HTAB;
  - VERSION is 2.0 and PRODID is set; a VTIMEZONE for Europe/Copenhagen is present;
  - every VEVENT has a DTSTAMP and a UID, and no UID repeats;
  - every session event (UID ...-session-N@ramme) has DTSTART and DTEND with
    TZID=Europe/Copenhagen, as local times, DTEND after DTSTART;
  - the UTC offset of each session's start is +01:00 before the last Sunday of
    March (and from the last Sunday of October) and +02:00 in between, computed
    three ways that must agree: the EU rule by hand, the system's zoneinfo, and
    the file's own VTIMEZONE (its RRULEs evaluated with dateutil) -- so 09:00
    local stays 09:00 local on both sides of the change;
  - the practicum (UID ...-practicum@ramme), if any, is an all-day event whose
    exclusive DTEND is after its DTSTART; follow-up days are dated events;
  - with --expect-sessions N, there are exactly N session events.

Exit status 0 when all hold (a summary on stdout), 1 with the problems on
stderr otherwise, 2 on a usage error.
"""

import argparse
import datetime as dt
import sys

TZID = "Europe/Copenhagen"

try:
    import icalendar
except ImportError:  # pragma: no cover
    sys.stderr.write("readback.py: the Python icalendar library is missing "
                     "(apt-get install python3-icalendar)\n")
    sys.exit(1)

try:
    from zoneinfo import ZoneInfo
    CPH = ZoneInfo(TZID)
except Exception as e:  # pragma: no cover
    sys.stderr.write(f"readback.py: no zoneinfo for {TZID} ({e}); install tzdata\n")
    sys.exit(1)

from dateutil import rrule


def last_sunday(year, month):
    """The last Sunday of `month` (March or October) in `year`."""
    d = dt.date(year, month, 31)
    return d - dt.timedelta(days=(d.weekday() - 6) % 7)


def eu_offset(local):
    """The Danish UTC offset of a local wall-clock time by the EU rule (1996-)."""
    start = dt.datetime.combine(last_sunday(local.year, 3), dt.time(2, 0))
    end = dt.datetime.combine(last_sunday(local.year, 10), dt.time(3, 0))
    return dt.timedelta(hours=2) if start <= local < end else dt.timedelta(hours=1)


def raw(prop):
    """The property's value as written in the file."""
    v = prop.to_ical()
    return v.decode() if isinstance(v, bytes) else str(v)


def parse_offset(s):
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    return sign * dt.timedelta(hours=int(s[0:2]), minutes=int(s[2:4]))


class VTimezone:
    """The observances of a VTIMEZONE, evaluated independently of any library tz."""

    def __init__(self, comp):
        self.obs = []
        for sub in comp.subcomponents:
            if sub.name not in ("STANDARD", "DAYLIGHT"):
                continue
            start = dt.datetime.strptime(raw(sub["DTSTART"]), "%Y%m%dT%H%M%S")
            to = parse_offset(raw(sub["TZOFFSETTO"]))
            frm = parse_offset(raw(sub["TZOFFSETFROM"]))
            rule = None
            if "RRULE" in sub:
                rule = rrule.rrulestr(raw(sub["RRULE"]), dtstart=start)
            self.obs.append((sub.name, start, frm, to, rule))

    def offset(self, local):
        """TZOFFSETTO of the observance whose latest onset (in local time, as the
        onset's TZOFFSETFROM wall clock) is at or before `local`."""
        best = None
        for name, start, frm, to, rule in self.obs:
            onset = rule.before(local, inc=True) if rule else (start if start <= local else None)
            if onset is not None and (best is None or onset > best[0]):
                best = (onset, to, name)
        return best[1] if best else None


def main(argv):
    ap = argparse.ArgumentParser(description="Check an .ics file from `ramme schedule`.")
    ap.add_argument("file")
    ap.add_argument("--expect-sessions", type=int, default=None, metavar="N")
    args = ap.parse_args(argv)

    problems = []

    def bad(msg):
        problems.append(msg)

    try:
        with open(args.file, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write(f"readback.py: {args.file}: {e.strerror}\n")
        return 1

    # Line ends and folding (RFC 5545 3.1).
    if not data.endswith(b"\r\n"):
        bad("the file does not end in CRLF")
    for n, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            bad(f"line {n}: a bare LF or CR inside the line")
        if len(line) > 75:
            bad(f"line {n}: {len(line)} octets, more than 75")
        ctl = [c for c in line if (c < 0x20 and c != 0x09) or c == 0x7F]
        if ctl:
            bad(f"line {n}: control character 0x{ctl[0]:02X} (RFC 5545 allows only HTAB)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad(f"line {n}: not UTF-8 on its own (a fold split a character?)")

    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as e:
        sys.stderr.write(f"readback.py: {args.file}: does not parse: {e}\n")
        return 1

    if cal.name != "VCALENDAR":
        bad(f"the top component is {cal.name}, not VCALENDAR")
    version = raw(cal["VERSION"]) if "VERSION" in cal else None
    if version != "2.0":
        bad(f"VERSION is {version!r}, not 2.0")
    if "PRODID" not in cal:
        bad("no PRODID")

    vtz = None
    for comp in cal.walk("VTIMEZONE"):
        if str(comp.get("TZID")) == TZID:
            vtz = VTimezone(comp)
    if vtz is None:
        bad(f"no VTIMEZONE with TZID {TZID}")

    uids = set()
    sessions = practica = follow_ups = 0
    dst_seen = set()
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        if not uid:
            bad("a VEVENT without a UID")
            continue
        if uid in uids:
            bad(f"UID {uid} appears twice")
        uids.add(uid)
        if "DTSTAMP" not in ev:
            bad(f"{uid}: no DTSTAMP")
        if "DTSTART" not in ev:
            bad(f"{uid}: no DTSTART")
            continue
        start = ev["DTSTART"]
        end = ev.get("DTEND")
        is_date = type(start.dt) is dt.date

        if "-practicum@" in uid:
            practica += 1
            if not is_date or start.params.get("VALUE") != "DATE":
                bad(f"{uid}: the practicum is not an all-day event (DTSTART;VALUE=DATE)")
            elif end is None or type(end.dt) is not dt.date:
                bad(f"{uid}: the practicum has no all-day DTEND")
            elif end.dt <= start.dt:
                bad(f"{uid}: DTEND {end.dt} is not after DTSTART {start.dt} (DTEND is exclusive)")
            continue

        if "-follow-up-" in uid:
            follow_ups += 1
        elif "-session-" in uid:
            sessions += 1
        else:
            bad(f"{uid}: neither a session, the practicum nor a follow-up day")

        if is_date:
            if "-session-" in uid:
                bad(f"{uid}: a session as an all-day event")
            continue
        local_ok = True
        for name, prop in (("DTSTART", start), ("DTEND", end)):
            if prop is None:
                bad(f"{uid}: no {name}")
                local_ok = False
                continue
            if prop.params.get("TZID") != TZID:
                bad(f"{uid}: {name} has TZID {prop.params.get('TZID')!r}, not {TZID}")
            if raw(prop).endswith("Z"):
                bad(f"{uid}: {name} is in UTC, not local time")
                local_ok = False
        if not local_ok:
            continue
        local = dt.datetime.strptime(raw(start), "%Y%m%dT%H%M%S")
        local_end = dt.datetime.strptime(raw(end), "%Y%m%dT%H%M%S")
        if local_end <= local:
            bad(f"{uid}: DTEND {local_end} is not after DTSTART {local}")

        # The offset three ways.
        want = eu_offset(local)
        zi = local.replace(tzinfo=CPH)
        if zi.utcoffset() != want:
            bad(f"{uid}: zoneinfo gives {zi.utcoffset()} for {local}, the EU rule {want}")
        if vtz is not None:
            got = vtz.offset(local)
            if got != want:
                bad(f"{uid}: the file's VTIMEZONE gives {got} for {local}, the EU rule {want}")
        if isinstance(start.dt, dt.datetime) and start.dt.tzinfo is not None:
            lib = start.dt.utcoffset()
            if lib != want:
                bad(f"{uid}: icalendar reads {start.dt} as offset {lib}, not {want}")
        # Round trip through UTC keeps the wall clock.
        utc = zi.astimezone(dt.timezone.utc)
        back = utc.astimezone(CPH).replace(tzinfo=None)
        if back != local:
            bad(f"{uid}: {local} local -> {utc} UTC -> {back} local")
        dst_seen.add(want)

    if args.expect_sessions is not None and sessions != args.expect_sessions:
        bad(f"{sessions} session events, expected {args.expect_sessions}")
    if practica > 1:
        bad(f"{practica} practicum events, expected at most one")

    if problems:
        for p in problems:
            sys.stderr.write(f"readback.py: {args.file}: {p}\n")
        return 1
    offs = ", ".join(sorted("+%02d:00" % (o.seconds // 3600) for o in dst_seen))
    print(f"readback: {args.file}: ok: {sessions} sessions, {practica} practicum, "
          f"{follow_ups} follow-up days, {len(uids)} UIDs, offsets {offs or 'none'}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        where = sys.argv[1] if len(sys.argv) > 1 else "?"
        sys.stderr.write(f"readback.py: {where}: malformed content: {e}\n")
        sys.exit(1)
