/* Colours of the front end: one table of roles for 256 colours, one for
 * 8, and bold/reverse/underline/dim when there is no colour (NO_COLOR,
 * TERM=vt100). */
#include <stdlib.h>

#include "tui.h"

static attr_t attrs[R_COUNT];

/* A role drawn with a colour pair (fg on the default background). */
static void set_pair(tui_role r, short fg, short bg, attr_t extra)
{
	init_pair((short)(r + 1), fg, bg);
	attrs[r] = COLOR_PAIR(r + 1) | extra;
}

/* The monochrome stand-ins. */
static void init_mono(void)
{
	for (int r = 0; r < R_COUNT; r++)
		attrs[r] = A_NORMAL;
	attrs[R_SELECTED] = A_REVERSE;
	attrs[R_CURSOR] = A_REVERSE;
	attrs[R_FLAG] = A_BOLD;
	attrs[R_FAIL] = A_BOLD;
	attrs[R_WAIT] = A_BOLD;
	attrs[R_RULE_LABEL] = A_BOLD;
	attrs[R_PHASE] = A_BOLD | A_UNDERLINE;
	attrs[R_COLHEAD] = A_BOLD;
	attrs[R_LANE] = A_BOLD;
	attrs[R_ZONE] = A_DIM;
	attrs[R_STATUS] = A_REVERSE;
	attrs[R_MSG_ERROR] = A_BOLD;
	attrs[R_DIM] = A_DIM;
	attrs[R_WARN] = A_BOLD;
	attrs[R_ERROR] = A_BOLD | A_UNDERLINE;
	attrs[R_HEADER] = A_BOLD;
	attrs[R_LINKED] = A_BOLD;
	attrs[R_FIX] = A_BOLD;
	attrs[R_HINT_KEY] = A_BOLD;
	attrs[R_REVERSE] = A_REVERSE; /* in every palette */
}

/* Pick the palette the terminal can show. */
void tui_colors_init(void)
{
	const char *nc = getenv("NO_COLOR");
	init_mono();
	if ((nc && *nc) || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	bool rich = COLORS >= 256;
	short bg = -1;
	set_pair(R_FLAG, COLOR_RED, bg, A_BOLD);
	set_pair(R_FAIL, rich ? 161 : COLOR_MAGENTA, bg, A_BOLD);
	set_pair(R_WAIT, rich ? 172 : COLOR_YELLOW, bg, A_BOLD);
	set_pair(R_STDS, rich ? 34 : COLOR_GREEN, bg, 0);
	set_pair(R_RULE, rich ? 31 : COLOR_CYAN, bg, 0);
	set_pair(R_RULE_LABEL, rich ? 31 : COLOR_CYAN, bg, A_BOLD);
	set_pair(R_PHASE, rich ? 25 : COLOR_BLUE, bg, A_BOLD);
	set_pair(R_COLHEAD, rich ? 25 : COLOR_BLUE, bg, A_BOLD);
	set_pair(R_ZONE, rich ? 244 : COLOR_WHITE, bg, rich ? 0 : A_DIM);
	set_pair(R_MSG_ERROR, COLOR_RED, bg, A_BOLD);
	set_pair(R_DIM, rich ? 244 : COLOR_WHITE, bg, rich ? 0 : A_DIM);
	set_pair(R_WARN, rich ? 166 : COLOR_YELLOW, bg, A_BOLD);
	set_pair(R_ERROR, COLOR_RED, bg, A_BOLD);
	set_pair(R_GOOD, COLOR_GREEN, bg, 0);
	set_pair(R_BORDER, rich ? 31 : COLOR_CYAN, bg, 0);
	set_pair(R_FIX, rich ? 33 : COLOR_BLUE, bg, A_BOLD);
	set_pair(R_HINT_KEY, rich ? 25 : COLOR_BLUE, bg, A_BOLD);
	/* the status bar and the selected card stay reverse video: a move
	 * that changes them costs 4 bytes of attributes, not 22 */
	if (rich)
		set_pair(R_SELECTED, 16, 152, 0);
}

/* The attributes of a role. */
attr_t tui_attr(tui_role r)
{
	return r < R_COUNT ? attrs[r] : A_NORMAL;
}

/* The look of each role of the view model. */
attr_t tui_view_attr(ed_role r)
{
	static const tui_role map[VR_COUNT] = {
		[VR_NORMAL] = R_NORMAL, [VR_TITLE] = R_HEADER, [VR_PHASE] = R_PHASE,
		[VR_COLHEAD] = R_COLHEAD, [VR_LANE] = R_LANE, [VR_ZONE] = R_ZONE,
		[VR_RULE] = R_RULE, [VR_RULE_LABEL] = R_RULE_LABEL, [VR_FLAG] = R_FLAG,
		[VR_FAIL] = R_FAIL, [VR_WAIT] = R_WAIT, [VR_STDS] = R_STDS,
		[VR_FIX] = R_FIX, [VR_CURSOR] = R_CURSOR, [VR_LINKED] = R_LINKED,
		[VR_CONN] = R_RULE, [VR_CONN_SEL] = R_WARN, [VR_DIM] = R_DIM,
		[VR_STATUS] = R_STATUS, [VR_MSG] = R_NORMAL, [VR_MSG_ERROR] = R_MSG_ERROR,
		[VR_PANE_TITLE] = R_HEADER, [VR_PANE_LABEL] = R_DIM, [VR_WARN] = R_WARN,
		[VR_GOOD] = R_GOOD, [VR_HINT] = R_DIM, [VR_HINT_KEY] = R_HINT_KEY,
		[VR_POINTER] = R_NORMAL, [VR_SELECTION] = R_REVERSE,
	};
	return r < VR_COUNT ? attrs[map[r]] : A_NORMAL;
}

/* The role of a panel item's style. */
tui_role tui_style_role(ed_style s)
{
	switch (s) {
	case STY_DIM: return R_DIM;
	case STY_HEADER: return R_HEADER;
	case STY_WARN: return R_WARN;
	case STY_ERROR: return R_ERROR;
	case STY_OK: return R_GOOD;
	default: return R_NORMAL;
	}
}
