-- SpatiaLite: incidents per ward, as `hotspot wards` counts them. Run on a database holding
-- `points` (the accepted incidents, EPSG:27700, no index yet) and `wards` (code, geometry):
--   spatialite DB < wards.sql
-- Builds the R*Tree index on the points, then for each ward takes the points in its bounding
-- box from the index and keeps those the ward's polygon contains (GEOS). Prints ward,count.
SELECT CreateSpatialIndex('points', 'GEOMETRY');
.headers on
.mode csv
SELECT w.code AS ward, COUNT(p.ROWID) AS incidents
FROM wards AS w LEFT JOIN points AS p
  ON p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'points' AND search_frame = w.GEOMETRY)
 AND ST_Contains(w.GEOMETRY, p.GEOMETRY)
GROUP BY w.code ORDER BY w.code;
