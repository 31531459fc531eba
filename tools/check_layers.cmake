# The layering rule, checked on every build (target `layers`): a folder of src/
# includes only itself and the folders before it in HOTSPOT_LAYERS, so data
# flows one way (config -> readers -> stages -> writers) and, for example,
# tables/ and disclosure/ never see a stage. The pure layers (core, analysis)
# include no GDAL, GEOS or PROJ header.
#   cmake -DSRC=<src dir> -DSTAMP=<file> -P check_layers.cmake
cmake_minimum_required(VERSION 3.22)
set(HOTSPOT_LAYERS
  core analysis geo io
  app/config app/context app/disclosure app/tables app/qgis app/stages app/report app/run app/cli)
set(PURE_LAYERS core analysis)
set(LIBRARY_HEADERS "gdal|ogr|cpl_|geos|proj")

set(problems "")
set(allowed "")
foreach(layer IN LISTS HOTSPOT_LAYERS)
  list(APPEND allowed "${layer}")
  file(GLOB files "${SRC}/${layer}/*.hpp" "${SRC}/${layer}/*.cpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" includes REGEX "^#include [\"<]")
    foreach(line IN LISTS includes)
      if(line MATCHES "^#include \"((app/[a-z_]+)|([a-z_]+))/")
        set(target "${CMAKE_MATCH_1}")
        if(NOT target IN_LIST allowed)
          string(REPLACE "${SRC}/" "src/" shown "${file}")
          string(APPEND problems "  ${shown}: ${line} (${layer} may include only: ${allowed})\n")
        endif()
      elseif(layer IN_LIST PURE_LAYERS AND line MATCHES "^#include [<\"](${LIBRARY_HEADERS})")
        string(REPLACE "${SRC}/" "src/" shown "${file}")
        string(APPEND problems "  ${shown}: ${line} (${layer} is pure: no GDAL, GEOS or PROJ)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

# Every folder of src/ and src/app/ must be a layer, so a new one cannot slip past the rule.
file(GLOB dirs LIST_DIRECTORIES true "${SRC}/*" "${SRC}/app/*")
foreach(dir IN LISTS dirs)
  if(IS_DIRECTORY "${dir}")
    string(REPLACE "${SRC}/" "" name "${dir}")
    if(NOT name STREQUAL "app" AND NOT name IN_LIST HOTSPOT_LAYERS)
      string(APPEND problems "  src/${name}/ is not in HOTSPOT_LAYERS (tools/check_layers.cmake): give it its place\n")
    endif()
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "Layering broken:\n${problems}")
endif()
file(WRITE "${STAMP}" "ok\n")
