/* The set of addresses a walk has met: each is new once, and stays met
** through the set's growth, which replaces it at its stack slot. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <lua.h>
#include <lauxlib.h>
#include "nb_seen.h"

static void each_address_is_new_once_through_growth(void **state) {
    static char cells[5000];
    lua_State *L = luaL_newstate();
    size_t i;
    (void)state;
    assert_non_null(L);
    nb_seen_push(L, 4);
    for (i = 0; i < sizeof cells; i++) assert_false(nb_seen_met(L, 1, &cells[i]));
    assert_int_equal(lua_gettop(L), 1);                 /* grown in place, nothing left over */
    for (i = 0; i < sizeof cells; i++) assert_true(nb_seen_met(L, 1, &cells[i]));
    assert_false(nb_seen_met(L, 1, L));
    lua_close(L);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_address_is_new_once_through_growth),
    };
    return cmocka_run_group_tests_name("nb_seen", tests, NULL, NULL);
}
