#ifndef RELGRAPH_CLIBYAML_SHIM_H
#define RELGRAPH_CLIBYAML_SHIM_H

// libyaml, the C YAML 1.1 parser, from the system (Debian: libyaml-dev). RelGraph reads YAML
// documents as libyaml's event stream (Sources/RelGraphDocument/YAMLTokenReader.swift).
#include <yaml.h>

#endif
