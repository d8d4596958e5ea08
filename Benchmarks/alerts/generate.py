#!/usr/bin/env python3
"""Writes N interactions as JSON Lines for the alert-store benchmark: reviews, comments and
replies by N/4 authors, spread evenly over the DAYS days before today (UTC midnight, so
the queue horizon, counted back from now, sees the last days of the data), in time order;
one in ten a one-star complaint. Deterministic for a given day (seeded).

    python3 Benchmarks/alerts/generate.py N DAYS > interactions.jsonl
"""
import datetime
import json
import random
import sys

count, days = int(sys.argv[1]), float(sys.argv[2])
rng = random.Random(7)
end = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
start = end - datetime.timedelta(days=days)
praise = ["Great service, fast delivery and friendly staff.", "Top kwaliteit, snel geleverd!",
          "Love it, works perfectly.", "Prima ervaring, aanrader."]
neutral = ["Where can I find the manual?", "Is deze ook in het blauw te krijgen?",
           "Ordered on Monday, arrived Friday.", "Ik heb een vraag over mijn bestelling."]
complaint = ["Broken on arrival, terrible. Refund me now!", "Waardeloze service, nooit meer!",
             "Third time late. Never again!", "Superslecht, kapot geleverd."]
authors = max(1, count // 4)
for index in range(count):
    time = start + datetime.timedelta(days=days * index / count)
    roll = rng.random()
    item = {"id": f"i{index}", "author": f"a{rng.randrange(authors)}",
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if roll < 0.1:
        item.update(kind="review", text=rng.choice(complaint), rating={"scale": "stars", "value": 1})
    elif roll < 0.5:
        item.update(kind="review", text=rng.choice(praise), rating={"scale": "stars", "value": 5})
    elif roll < 0.8 or index == 0:
        item.update(kind="comment", text=rng.choice(neutral))
    else:
        item.update(kind="reply", text=rng.choice(praise + neutral), inReplyTo=f"i{rng.randrange(index)}")
    print(json.dumps(item))
