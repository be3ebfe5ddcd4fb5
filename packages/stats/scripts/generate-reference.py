#!/usr/bin/python3
"""Reference values for @aver/bench-stats, computed once with SciPy, NumPy and statsmodels (Debian's
python3-scipy and python3-statsmodels) and committed as test/fixtures/scipy-reference.json.

Run from packages/stats:  /usr/bin/python3 scripts/generate-reference.py > test/fixtures/scipy-reference.json

The hierarchical bootstrap has no SciPy function; it is written here independently with NumPy's generator (a
different PRNG from the package's), so the TypeScript interval is checked by Monte-Carlo agreement: the script
also measures how much its own endpoints move between repeated runs of the size the test uses, and the test
allows a multiple of that.
"""
import json
import sys

import numpy as np
import scipy
import statsmodels
from scipy.stats import mannwhitneyu, norm
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20260)


def rounded(values):
    return [float(v) for v in values]


# Mann-Whitney U, two-sided: exact (no ties) and asymptotic (tie and continuity corrections).
mwu_cases = []
def add_mwu(name, x, y, exact):
    x, y = rounded(x), rounded(y)
    case = {'name': name, 'x': x, 'y': y}
    asym = mannwhitneyu(x, y, alternative='two-sided', method='asymptotic')
    case['u'] = float(asym.statistic)
    case['p_asymptotic'] = float(asym.pvalue)
    if exact:
        case['p_exact'] = float(mannwhitneyu(x, y, alternative='two-sided', method='exact').pvalue)
    mwu_cases.append(case)

add_mwu('separated 10 vs 10', range(11, 21), range(1, 11), True)
add_mwu('interleaved 10 vs 10', [2, 4, 6, 8, 10, 12, 14, 16, 18, 20], [1, 3, 5, 7, 9, 11, 13, 15, 17, 19], True)
add_mwu('3 vs 4', [0.5, 2.5, 1.25], [3.0, 0.75, 4.5, 2.0], True)
add_mwu('1 vs 5', [3.5], [1, 2, 3, 4, 5], True)
add_mwu('shifted normal 12 vs 9', rng.normal(1.1, 0.05, 12), rng.normal(1.0, 0.05, 9), True)
add_mwu('lognormal 20 vs 20', rng.lognormal(0.0, 0.2, 20), rng.lognormal(0.05, 0.2, 20), True)
add_mwu('replicate medians 10 vs 10', rng.normal(0.230, 0.004, 10), rng.normal(0.226, 0.004, 10), True)
add_mwu('50 vs 50', rng.normal(0, 1, 50), rng.normal(0.3, 1, 50), True)
add_mwu('ties 8 vs 8', [1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 5, 5, 6, 6], False)
add_mwu('all tied but one', [1, 1, 1, 1], [1, 1, 1, 2], False)
add_mwu('rounded times 15 vs 15', np.round(rng.normal(10, 0.5, 15), 1), np.round(rng.normal(10.4, 0.5, 15), 1), False)
add_mwu('80 vs 70', rng.normal(0, 1, 80), rng.normal(0.1, 1, 70), False)

# Holm's step-down adjustment.
holm_cases = []
for p in ([0.01, 0.04, 0.03, 0.005], [0.5], [0.001, 0.001, 0.2, 0.8, 0.04, 0.0001], [0.3, 0.2, 0.9, 1.0],
          list(rng.uniform(0, 0.05, 12))):
    holm_cases.append({'p': rounded(p), 'adjusted': rounded(multipletests(p, method='holm')[1])})

# Quantiles (linear interpolation, NumPy's default) and medians.
quantile_cases = []
for values in ([3.0], [1.0, 2.0], [5, 1, 4, 2, 3], list(rng.lognormal(0, 1, 17)), list(rng.normal(0, 1, 40))):
    values = rounded(values)
    qs = [0, 0.005, 0.025, 0.25, 0.5, 0.75, 0.975, 0.995, 1]
    quantile_cases.append({'values': values, 'q': qs, 'quantiles': rounded(np.quantile(values, qs)),
                           'median': float(np.median(values))})

# Normal upper tail.
z_values = [-3.0, -0.5, 0.0, 0.5, 1.959963984540054, 2.575829303548901, 3.0, 4.5, 6.0]
normal_cases = [{'z': z, 'sf': float(norm.sf(z))} for z in z_values]


# Hierarchical bootstrap of the ratio of medians of replicate medians.
def side_location(replicates):
    return float(np.median([np.median(r) for r in replicates]))


def hierarchical_ratios(base, head, resamples, generator):
    def resample(replicates):
        picks = generator.integers(0, len(replicates), size=(resamples, len(replicates)))
        medians = np.empty((resamples, len(replicates)))
        for slot in range(len(replicates)):
            for index, samples in enumerate(replicates):
                rows = picks[:, slot] == index
                count = int(rows.sum())
                if count == 0:
                    continue
                drawn = generator.choice(samples, size=(count, len(samples)), replace=True)
                medians[rows, slot] = np.median(drawn, axis=1)
        return np.median(medians, axis=1)
    return resample(head) / resample(base)


def make_side(replicates, samples, location, between, within, slow_fraction=0.0, slow_factor=1.0, sizes=None):
    side = []
    for index in range(replicates):
        centre = location * np.exp(rng.normal(0, between))
        if rng.uniform() < slow_fraction:
            centre *= slow_factor
        n = sizes[index] if sizes else samples
        side.append(rounded(centre * np.exp(np.abs(rng.normal(0, within, n)))))
    return side


bootstrap_cases = []
TEST_RESAMPLES = 10000
for name, base, head in [
    ('10x30 vs 10x30, +10 %', make_side(10, 30, 0.5, 0.02, 0.05), make_side(10, 30, 0.55, 0.02, 0.05)),
    ('10x30 A/A', make_side(10, 30, 0.5, 0.02, 0.05), make_side(10, 30, 0.5, 0.02, 0.05)),
    ('bimodal isolates 12x20', make_side(12, 20, 0.225, 0.01, 0.03, 0.33, 1.75),
     make_side(12, 20, 0.225, 0.01, 0.03, 0.33, 1.75)),
    ('uneven 5 vs 7 replicates, mixed sizes', make_side(5, 0, 2.0, 0.05, 0.1, sizes=[9, 10, 11, 12, 13]),
     make_side(7, 0, 1.8, 0.05, 0.1, sizes=[4, 5, 6, 7, 8, 9, 10])),
]:
    generator = np.random.default_rng(7)
    ratios = hierarchical_ratios(base, head, 400000, generator)
    case = {'name': name, 'base': base, 'head': head,
            'base_location': side_location(base), 'head_location': side_location(head)}
    case['ratio'] = case['head_location'] / case['base_location']
    for confidence in (0.95, 0.99):
        tail = (1 - confidence) / 2
        low, high = np.quantile(ratios, [tail, 1 - tail])
        # How far one bootstrap of the test's size strays: the spread of 20 independent runs.
        spreads = np.array([np.quantile(hierarchical_ratios(base, head, TEST_RESAMPLES, generator), [tail, 1 - tail])
                            for _ in range(20)])
        case['ci_%d' % round(confidence * 100)] = {
            'low': float(low), 'high': float(high),
            'mc_sd_low': float(spreads[:, 0].std(ddof=1)), 'mc_sd_high': float(spreads[:, 1].std(ddof=1)),
        }
    bootstrap_cases.append(case)

json.dump({
    'generated_by': 'scripts/generate-reference.py',
    'versions': {'python': sys.version.split()[0], 'numpy': np.__version__, 'scipy': scipy.__version__,
                 'statsmodels': statsmodels.__version__},
    'test_resamples': TEST_RESAMPLES,
    'mann_whitney': mwu_cases,
    'holm': holm_cases,
    'quantile': quantile_cases,
    'normal_sf': normal_cases,
    'bootstrap': bootstrap_cases,
}, sys.stdout, indent=1)
sys.stdout.write('\n')
