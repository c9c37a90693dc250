/* Print the model's field tables (sbp/fields.h) as JSON, for the schema
 * test to compare with schema/sbp.schema.json: every field the loader
 * reads must be in the schema with the same type, values and requiredness. */
#include <stdio.h>

#include "sbp/fields.h"

static const char *const kind_names[SBP_OBJ_COUNT] = {
	"column", "lane", "standard", "step", "fail", "wait", "flow", "measurement",
};

static const char *const type_names[] = {
	[FT_ID] = "id", [FT_NAME] = "string", [FT_STRING] = "string",
	[FT_NUMBER] = "number", [FT_MINUTES] = "minutes", [FT_COUNT] = "count",
	[FT_SEVERITY] = "severity", [FT_ENUM] = "enum", [FT_MARK] = "boolean",
	[FT_DATE] = "date", [FT_REF] = "id", [FT_REFS] = "ids", [FT_MAP] = "map",
};

int main(void)
{
	printf("{");
	for (int k = 0; k < SBP_OBJ_COUNT; k++) {
		printf("%s\n\"%s\": [", k ? "," : "", kind_names[k]);
		for (const sbp_field *f = fields_of((sbp_obj_kind)k); f->key; f++) {
			printf("%s{\"key\": \"%s\", \"type\": \"%s\", \"required\": %s, \"values\": [",
			       f == fields_of((sbp_obj_kind)k) ? "" : ", ", f->key,
			       type_names[f->type], f->flags & FF_REQUIRED ? "true" : "false");
			for (int i = 0; f->values && f->values[i]; i++)
				printf("%s\"%s\"", i ? ", " : "", f->values[i]);
			printf("]}");
		}
		printf("]");
	}
	printf("}\n");
	return 0;
}
