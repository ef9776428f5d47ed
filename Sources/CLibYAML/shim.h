// Debian's libyaml (libyaml-dev): the parser every config and topics file is read with.
#include <yaml.h>
