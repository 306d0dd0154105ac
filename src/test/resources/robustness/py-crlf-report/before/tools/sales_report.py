"""Monthly sales report: reads the order export and prints totals per region and product.

Written on a Windows desk and kept with CRLF line endings, like the rest of the tools folder.
"""

import argparse
import csv
import sys
from collections import defaultdict
from datetime import datetime


def read_orders(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            yield {
                "date": datetime.strptime(row["OrderDate"], "%d/%m/%Y").date(),
                "region": row["Region"].strip(),
                "product": row["Product"].strip(),
                "units": int(row["Units"]),
                "price": float(row["UnitPrice"]),
            }


def totals_by(orders, key):
    totals = defaultdict(float)
    for order in orders:
        totals[order[key]] += order["units"] * order["price"]
    return dict(totals)


def print_table(title, totals, out=sys.stdout):
    print(title, file=out)
    print("-" * len(title), file=out)
    width = max((len(name) for name in totals), default=0)
    for name, amount in sorted(totals.items(), key=lambda item: item[1], reverse=True):
        print(f"{name:<{width}}  {amount:>12.2f}", file=out)
    print(file=out)


def in_month(orders, year, month):
    return [o for o in orders if o["date"].year == year and o["date"].month == month]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="CSV export from the order system")
    parser.add_argument("--month", required=True, help="YYYY-MM")
    args = parser.parse_args(argv)

    year, month = (int(part) for part in args.month.split("-"))
    orders = in_month(list(read_orders(args.export)), year, month)
    if not orders:
        print(f"no orders in {args.month}", file=sys.stderr)
        return 1

    print_table(f"Sales by region, {args.month}", totals_by(orders, "region"))
    print_table(f"Sales by product, {args.month}", totals_by(orders, "product"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
