"""Scored links between articles -> clusters: the strongest links first, two clusters merged only when the mean score
across them is high enough, so that a chain of weak links never makes one story."""

# Scores are tf-idf cosines. The thresholds are set against abp-dev candidate pairs dated 31-60 days apart (so
# never one story): 6.5% of them reach THRESHOLD, 0.3% UNDATED_THRESHOLD (which stands in for the date window
# when a date is missing), and FLOOR is below their median (0.13).
THRESHOLD = 0.25
UNDATED_THRESHOLD = 0.4
FLOOR = 0.1  # pairs below this are not kept: they count as 0 when judging a merge
# Two clusters merge only if the mean score over all pairs across them reaches COHESION: a third article joins a
# pair when it scores 0.3 with one and nothing with the other, but not on a bare THRESHOLD link (no chaining).
COHESION = 0.15


class _Clusters:
    """Union-find over nodes (an article and its exact copies) that keeps each cluster's members, size and dates."""

    def __init__(self, days: list[int | None], weights: list[int]):
        self.parent = list(range(len(days)))
        self.members = {i: [i] for i in range(len(days))}
        self.size = dict(enumerate(weights))
        self.span = {i: (d, d) for i, d in enumerate(days) if d is not None}

    def find(self, i: int) -> int:
        """Node -> the root of its cluster."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merged_span(self, a: int, b: int) -> int:
        """Two roots -> days between the earliest and latest dated article they would hold together."""
        spans = [self.span[r] for r in (a, b) if r in self.span]
        return max(s[1] for s in spans) - min(s[0] for s in spans) if spans else 0

    def merge(self, small: int, large: int) -> None:
        """Fold root small into root large."""
        self.parent[small] = large
        self.members[large] += self.members.pop(small)
        self.size[large] += self.size.pop(small)
        spans = [self.span.pop(r) for r in (small, large) if r in self.span]
        if spans:
            self.span[large] = (min(s[0] for s in spans), max(s[1] for s in spans))


def link_clusters(neighbours: dict[int, dict[int, float]], days: list[int | None], weights: list[int],
                  threshold: float, max_span: int | None) -> list[int]:
    """Strongest links first; two clusters merge only if their mean pairwise score reaches COHESION (no chains).

    A node stands for weights[node] identical articles: it counts that many times in the mean."""
    clusters = _Clusters(days, weights)
    edges = sorted((-s, a, b) for a, nbrs in neighbours.items() for b, s in nbrs.items()
                   if a < b and s >= (threshold if days[a] is not None and days[b] is not None else UNDATED_THRESHOLD))
    for _, a, b in edges:
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb or max_span is not None and clusters.merged_span(ra, rb) > max_span:
            continue
        small, large = sorted((ra, rb), key=clusters.size.__getitem__)
        cross = sum(s * weights[x] * weights[y] for x in clusters.members[small] for y, s in neighbours[x].items()
                    if clusters.find(y) == large)
        if cross >= COHESION * clusters.size[small] * clusters.size[large]:
            clusters.merge(small, large)
    return [clusters.find(i) for i in range(len(days))]


def best_similarity(node: int, roots: list[int], neighbours: dict[int, dict[int, float]],
                    weights: list[int]) -> float | None:
    """A node -> its best score with another node of its cluster (1 for a node of copies)."""
    best = max((s for j, s in neighbours.get(node, {}).items() if roots[j] == roots[node]), default=None)
    return 1.0 if weights[node] > 1 else best  # a copy's best partner is its identical twin
