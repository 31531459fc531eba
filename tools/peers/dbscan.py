#!/usr/bin/python3
"""scikit-learn DBSCAN on a CSV of projected points: dbscan.py POINTS.csv EPS MIN_SAMPLES LABELS_OUT

POINTS.csv has a header and x,y in its first two columns (metres). Reads them with numpy, fits
DBSCAN(eps, min_samples, algorithm='kd_tree'), writes one label a line (-1 noise) and prints the
number of clusters. Run with Debian's /usr/bin/python3 (python3-sklearn)."""
import sys

import numpy as np
from sklearn.cluster import DBSCAN

xy = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, usecols=(0, 1))
labels = DBSCAN(eps=float(sys.argv[2]), min_samples=int(sys.argv[3]), algorithm="kd_tree").fit(xy).labels_
np.savetxt(sys.argv[4], labels, fmt="%d")
print(f"sklearn DBSCAN: {len(xy)} points, {labels.max() + 1} clusters, {(labels < 0).sum()} noise")
