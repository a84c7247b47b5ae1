// Exit statuses shared by every jianbao filter (SPEC "Common rules"), named once
// here; filters return them from main and the CLI driver maps errors onto them.
#pragma once

namespace jianbao {

enum ExitStatus : int {
  // Every FILE was read and written.
  ExitSuccess = 0,
  // A FILE could not be read, --strict found bad input, or output could not be written.
  ExitFailure = 1,
  // The command line was wrong (unknown option, unknown --encoding, ...).
  ExitUsage = 2,
};

}  // namespace jianbao
