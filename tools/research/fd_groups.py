"""How many hotspots the top 3% of cells_l24_t12 makes, by how squares are grouped.

Usage: python3 fd_groups.py
Per area and theme, means over the target months: hotspots when squares join edge to edge
(4-connected, as the pack does now), corner to corner (8-connected), or within 3 squares (join 3,
the recommended numbering); the largest join-3 hotspot; the smallest 24-month count of any join-3
hotspot and how many hotspots a month have under 5 (a look-back disclosure rule); the share of the
forecast the 10 biggest hotspots hold.
"""
import numpy as np
import fd_data as D, fd_core as C, fd_rules as R, fd_study as S
for area in ["havering", "harrow", "haringey", "city"]:
    d = D.load(area)
    for th in S.THEMES:
        n4, n8, n3, big, minhist, withheld_hist, top10share = [], [], [], [], [], [], []
        for t in S.target_indices(d, area):
            c = S.ctx(d, th, t, ("cells", 24, 12))
            m = R.mask_at(c, R.cut_for(c.score, c.in_area, c.k0))
            n4.append(R.regions(m)[1]); n8.append(R.regions(m, True)[1])
            g = R.grouped_mask(m, 1); n3.append(g.max())
            sizes = np.bincount(g[g > 0])[1:]
            big.append(sizes.max())
            hist = C.cells_score(d["counts"][th], t, 24)  # unweighted 24-month count
            hs = np.array([hist[g == i].sum() for i in range(1, g.max() + 1)])
            minhist.append(hs.min()); withheld_hist.append((hs < 5).sum())
            tot = np.array([c.score[g == i].sum() for i in range(1, g.max() + 1)])
            top10share.append(np.sort(tot)[::-1][:10].sum() / tot.sum())
        print(f"{area:9} {th:11} squares {m.sum():4d} 4-conn {np.mean(n4):6.1f} 8-conn {np.mean(n8):6.1f} join3 {np.mean(n3):5.1f} largest {np.mean(big):5.1f} sq | min 24-month count in a group {min(minhist):.0f}, groups under 5: {np.mean(withheld_hist):.2f} | top-10 groups hold {np.mean(top10share):.0%} of the forecast")
