#ifndef BACKTRIAGE_CLIBYAML_SHIM_H
#define BACKTRIAGE_CLIBYAML_SHIM_H

/* libyaml from the system (Debian's libyaml-dev): only its event parser is used, through
   TriageKit's YAMLComposer. */
#include <yaml.h>

#endif
