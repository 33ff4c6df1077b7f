// SwiftPM needs one source file per C target; the module only declares libFuzzer's driver.
#include "CLibFuzzer.h"
