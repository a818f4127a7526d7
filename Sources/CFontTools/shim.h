#ifndef RELGRAPH_CFONTTOOLS_SHIM_H
#define RELGRAPH_CFONTTOOLS_SHIM_H

// fontconfig (which installed font has which characters) and HarfBuzz's subsetter (a font cut
// down to the characters a page uses), from the system (Debian: libfontconfig-dev,
// libharfbuzz-dev). Swift reaches them only through RelGraphGraphviz's Fonts/ folder.
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-subset.h>

#endif
