# SPDX-FileCopyrightText: 2026 qwq contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# qwq_add_library(<target> [UI] SOURCES ... [LIBS ...])
# A module's static library. Sources are also collected for lupdate (one .ts for all).
function(qwq_add_library target)
    cmake_parse_arguments(ARG "UI" "" "SOURCES;LIBS" ${ARGN})
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/modules)
    target_link_libraries(${target} PUBLIC ${ARG_LIBS})
    if(ARG_UI)
        target_link_libraries(${target} PUBLIC Qt6::Widgets)
    endif()
    foreach(src IN LISTS ARG_SOURCES)
        get_filename_component(abs "${src}" ABSOLUTE)
        set_property(GLOBAL APPEND PROPERTY QWQ_TR_SOURCES "${abs}")
    endforeach()
endfunction()
