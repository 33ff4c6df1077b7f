#ifndef PARLEY_CMAGIC_SHIM_H
#define PARLEY_CMAGIC_SHIM_H
#include <magic.h>
#endif
