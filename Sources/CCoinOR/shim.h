// The C interfaces of COIN-OR CBC (mixed-integer) and CLP (linear programming).
// Include paths and the link line come from pkg-config ("cbc"): -I/usr/include/coin.
#include <Cbc_C_Interface.h>
#include <Clp_C_Interface.h>
