# SPDX-License-Identifier: MIT
# Install layout and the Debian package (CPack, DEB generator). From a build directory:
#     cpack -G DEB                 → toposcope_<version>_<arch>.deb
# The package test (ctest -R package) builds one in a temporary directory and checks it.
include(GNUInstallDirs)

set(TOPOSCOPE_MAINTAINER "Toposcope maintainers <maintainers@toposcope.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

# The executable installs itself (app/CMakeLists.txt); the desktop integration goes beside it.
install(FILES ${PROJECT_SOURCE_DIR}/resources/toposcope.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/toposcope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
# The .topo MIME type, so file managers open designs with Toposcope.
install(FILES ${PROJECT_SOURCE_DIR}/resources/toposcope-mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME toposcope.xml)
if(EXISTS ${PROJECT_SOURCE_DIR}/resources/examples)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
            DESTINATION ${CMAKE_INSTALL_DATADIR}/toposcope/examples
            FILES_MATCHING PATTERN "*.topo")
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/file-format.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/toposcope)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME toposcope)
set(CPACK_PACKAGE_VENDOR "Toposcope")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY toposcope)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME toposcope)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TOPOSCOPE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps computes Depends from the libraries the binary links (Qt 6 and its friends);
# the SVG icons are drawn through Qt's SVG plugins, which no link shows, so name them here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Qt SQL's MySQL driver is a plugin, which no link shows: watching MySQL/MariaDB needs it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-mysql")
# Mermaid rendering drives Chromium; `toposcope lab` runs these servers from Debian's packages
# (each one missing is named, not needed); graphviz is only a benchmark yardstick.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "chromium, haproxy, nginx-light, mariadb-server, mariadb-client, prometheus, prometheus-nginx-exporter, prometheus-mysqld-exporter, python3-pymysql, dnsmasq-base"
)
# The summary line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the long description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Toposcope is a desktop tool to draw the request path of a web infrastructure
(users, DNS, load balancers, web and application servers, databases, on their
hosts), edit it comfortably, save it as a .topo file, and export it as Mermaid,
PNG, SVG or a Markdown design report. It finds single points of failure,
security gaps and monitoring gaps, explains them and offers fixes.")

include(CPack)

if(TOPOSCOPE_BUILD_TESTS)
    add_test(NAME package
             COMMAND ${PROJECT_SOURCE_DIR}/installer/check-package.sh ${PROJECT_BINARY_DIR})
    set_tests_properties(package PROPERTIES LABELS installer TIMEOUT 180)
endif()
