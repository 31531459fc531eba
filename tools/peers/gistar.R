# spdep Gi* on grid counts, as hotspot's clusters stage computes it:
#   Rscript gistar.R POINTS.csv WARDS.gpkg CELL BAND Z_OUT
# Bins the points (x,y in the CSV's first two columns, metres) to a CELL-metre grid aligned on
# multiples of CELL over the wards' extent, keeps the cells whose centre lies in the wards' union
# (the study area), links cells whose centres are within BAND (dnearneigh), adds each cell to its
# own neighbours (include.self), binary weights, and writes localG's z per in-area cell.
suppressPackageStartupMessages({ library(sf); library(spdep) })
a <- commandArgs(trailingOnly = TRUE)
cell <- as.numeric(a[3]); band <- as.numeric(a[4])
pts <- read.csv(a[1], colClasses = "numeric")
area <- st_union(st_read(a[2], quiet = TRUE))
bb <- st_bbox(area)
x0 <- floor(bb[["xmin"]] / cell) * cell; y1 <- ceiling(bb[["ymax"]] / cell) * cell
nx <- round((ceiling(bb[["xmax"]] / cell) * cell - x0) / cell)
ny <- round((y1 - floor(bb[["ymin"]] / cell) * cell) / cell)
col <- floor((pts[[1]] - x0) / cell); row <- floor((y1 - pts[[2]]) / cell)
ok <- col >= 0 & col < nx & row >= 0 & row < ny
counts <- tabulate(row[ok] * nx + col[ok] + 1, nbins = nx * ny)
centres <- expand.grid(col = 0:(nx - 1), row = 0:(ny - 1))   # index row * nx + col + 1
cx <- x0 + (centres$col + 0.5) * cell; cy <- y1 - (centres$row + 0.5) * cell
inside <- lengths(st_intersects(st_as_sf(data.frame(x = cx, y = cy), coords = c("x", "y"),
                                         crs = st_crs(area)), area)) > 0
xy <- cbind(cx[inside], cy[inside])
nb <- include.self(dnearneigh(xy, 0, band))
z <- as.numeric(localG(counts[inside], nb2listw(nb, style = "B", zero.policy = TRUE), zero.policy = TRUE))
write.csv(data.frame(x = xy[, 1], y = xy[, 2], count = counts[inside], z = z), a[5], row.names = FALSE)
cat(sprintf("spdep Gi*: %d cells in area, %d points binned, %d cells z >= 1.96, %d z <= -1.96, max z %.1f\n",
            length(z), sum(counts[inside]), sum(z >= 1.96, na.rm = TRUE), sum(z <= -1.96, na.rm = TRUE),
            max(z, na.rm = TRUE)))
