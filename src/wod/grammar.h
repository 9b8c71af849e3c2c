#pragma once
// The WODCraft grammar as PEGTL rules (docs/wods.md shows it as EBNF). Only
// the parser includes it. Rules that follow a committing token sit inside
// if_must/must, so a mistake is reported where it is, with what was expected
// (grammar_errors.h); a rule without its own message never reaches the user.
#include <tao/pegtl.hpp>

#include "wod/balanced.h"

namespace ws::wod::grammar {

using namespace tao::pegtl;

// Blanks and comments.
struct comment_end : until<string<'*', '/'>> {};
struct block_comment : if_must<string<'/', '*'>, comment_end> {};
struct line_comment : seq<two<'/'>, until<eolf>> {};
struct blank_item : sor<space, line_comment, block_comment> {};
struct sp : star<blank_item> {};
struct hs : star<blank> {};

// Words. Identifiers take letters beyond ASCII (the source is checked to be UTF-8).
struct high : utf8::range<0x80, 0x10FFFF> {};
struct ident_first : sor<alpha, high> {};
struct ident_other : sor<alnum, one<'_'>, high> {};
struct identifier : seq<ident_first, star<ident_other>, star<one<'-'>, plus<ident_other>>> {};
struct unit_end : not_at<ident_other> {};
template <char... Cs>
struct keyword : seq<istring<Cs...>, unit_end> {};

// Literals.
struct string_end : until<one<'"'>, sor<seq<one<'\\'>, not_one<'\n', '\r'>>, not_one<'\n', '\r'>>> {};
struct quoted : if_must<one<'"'>, string_end> {};
struct integer : plus<digit> {};
struct decimal : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct bare_literal : plus<sor<alnum, one<'.', ':', '%', '/', '_', '-', '+'>, high>> {};
struct value : sor<quoted, balanced_group, bare_literal> {};

// Durations of forms, caps and rests: 20:00, 1:00:00, 30s, 45sec, 20min, 20m, 1h.
struct clock_time : seq<plus<digit>, one<':'>, digit, digit, opt<one<':'>, digit, digit>, unit_end> {};
struct duration_suffix : sor<istring<'s', 'e', 'c'>, istring<'m', 'i', 'n'>, one<'s', 'S', 'm', 'M', 'h', 'H'>> {};
struct duration : sor<clock_time, seq<plus<digit>, duration_suffix, unit_end>> {};

// Quantities of movement lines.
struct dual_tail : seq<hs, one<'/'>, hs, decimal> {};
struct cal_word : sor<istring<'c', 'a', 'l', 'o', 'r', 'i', 'e', 's'>, istring<'c', 'a', 'l', 's'>, istring<'c', 'a', 'l'>> {};
struct calories : seq<decimal, opt<dual_tail>, hs, cal_word, unit_end> {};
struct timed : seq<plus<digit>, sor<istring<'s', 'e', 'c'>, istring<'m', 'i', 'n'>, one<'s', 'S', 'h', 'H'>>, unit_end> {};
struct distance_unit : sor<istring<'k', 'm'>, istring<'m', 'i'>, one<'m', 'M'>> {};
struct distance : seq<decimal, opt<one<'/'>, decimal>, distance_unit, unit_end> {};
struct reps : seq<integer, opt<one<'/'>, integer>, unit_end> {};
struct count : sor<calories, clock_time, timed, distance, reps> {};
struct sets_count : seq<integer, hs, one<'x', 'X'>, hs, count> {};
struct max_reps : sor<keyword<'m', 'a', 'x', 'r', 'e', 'p', 's'>, keyword<'m', 'a', 'x', 'r', 'e', 'p'>,
                      keyword<'m', 'a', 'x'>> {};
struct quantity : sor<max_reps, sets_count, count> {};

// Loads: @95lb, @43/30kg, @24kg/16kg, @24in, @80%1RM, @dual(male: 24kg, female: 16kg), @vest_weight.
struct weight_unit : sor<istring<'%', '1', 'r', 'm'>, one<'%'>, istring<'l', 'b', 's'>, istring<'l', 'b'>,
                         istring<'k', 'g'>, istring<'p', 'o', 'o', 'd'>, istring<'b', 'w'>, istring<'i', 'n'>,
                         istring<'c', 'm'>, istring<'f', 't'>> {};
struct amount : seq<decimal, hs, weight_unit, unit_end> {};
struct dual_amount : seq<decimal, opt<hs, weight_unit, unit_end>, hs, one<'/'>, hs, amount> {};
struct variant_entry : seq<identifier, sp, one<':'>, sp, sor<amount, decimal, identifier, quoted>> {};
struct variant_load : seq<identifier, sp, one<'('>, sp, list<variant_entry, one<','>, blank_item>, sp, one<')'>> {};
struct load_body : sor<dual_amount, amount, variant_load, identifier> {};
struct load : if_must<one<'@'>, hs, load_body> {};

// The rest of a movement line.
struct movement_name : identifier {};
struct tempo_value : sor<quoted, plus<sor<alnum, one<'-'>>>> {};
struct tempo : if_must<keyword<'t', 'e', 'm', 'p', 'o'>, sp, tempo_value> {};
struct item_note : quoted {};
struct progress_text : quoted {};
struct progress_open : one<'('> {};
struct progress_close : one<')'> {};
struct progress : if_must<keyword<'p', 'r', 'o', 'g', 'r', 'e', 's', 's'>, sp, progress_open, sp, progress_text, sp,
                          progress_close> {};
struct movement_tail : seq<opt<sp, progress>, opt<sp, load>, opt<sp, tempo>, opt<sp, item_note>> {};
struct movement_line : seq<quantity, sp, must<movement_name>, movement_tail> {};

// 21-15-9 Thrusters @95lb + Pull_ups
struct scheme : seq<integer, plus<one<'-'>, integer>, unit_end> {};
struct scheme_movement : seq<movement_name, movement_tail> {};
struct scheme_more : seq<sp, one<'+'>, sp, must<scheme_movement>> {};
struct scheme_line : seq<scheme, sp, must<scheme_movement>, star<scheme_more>> {};

// Items of a wod block.
struct rest_duration : duration {};
struct rest_item : if_must<keyword<'r', 'e', 's', 't'>, sp, rest_duration> {};
struct notes_colon : one<':'> {};
struct notes_value : value {};
struct notes_decl : if_must<keyword<'n', 'o', 't', 'e', 's'>, sp, notes_colon, sp, notes_value> {};
struct wod_item : sor<rest_item, notes_decl, scheme_line, movement_line> {};

// Forms.
struct form_duration : duration {};
struct rounds_count : seq<integer, unit_end> {};
struct cap_clause : if_must<keyword<'c', 'a', 'p'>, sp, form_duration> {};
struct for_time_word : sor<keyword<'f', 'o', 'r', 't', 'i', 'm', 'e'>, keyword<'f', 'o', 'r', '_', 't', 'i', 'm', 'e'>,
                           keyword<'f', 't'>> {};
struct form : sor<if_must<keyword<'a', 'm', 'r', 'a', 'p'>, sp, form_duration>, seq<for_time_word, opt<sp, cap_clause>>,
                  if_must<keyword<'e', 'm', 'o', 'm'>, sp, form_duration>,
                  if_must<keyword<'r', 'f', 't'>, sp, rounds_count>, keyword<'t', 'a', 'b', 'a', 't', 'a'>> {};
struct wod_keyword : keyword<'w', 'o', 'd'> {};
struct wod_open : one<'{'> {};
struct wod_close : one<'}'> {};
struct wod_block : if_must<wod_keyword, sp, form, sp, wod_open, star<sp, wod_item>, sp, wod_close> {};

// Declarations.
struct type_name : sor<keyword<'T', 'i', 'm', 'e'>, keyword<'R', 'o', 'u', 'n', 'd', 's'>, keyword<'R', 'e', 'p', 's'>,
                       keyword<'L', 'o', 'a', 'd'>, keyword<'D', 'i', 's', 't', 'a', 'n', 'c', 'e'>,
                       keyword<'C', 'a', 'l', 'o', 'r', 'i', 'e', 's'>, keyword<'T', 'e', 'm', 'p', 'o'>,
                       keyword<'I', 'n', 't'>, keyword<'F', 'l', 'o', 'a', 't'>, keyword<'B', 'o', 'o', 'l'>,
                       keyword<'S', 't', 'r', 'i', 'n', 'g'>, keyword<'E', 'n', 'u', 'm'>> {};
struct type_spec : seq<type_name, opt<hs, balanced_group>> {};
struct colon : one<':'> {};
struct var_name : identifier {};
struct var_type : type_spec {};
struct var_default : value {};
struct var_constraints : balanced_group {};
struct var_decl : if_must<var_name, sp, colon, sp, var_type, opt<sp, one<'='>, sp, must<var_default>>,
                          opt<sp, var_constraints>, opt<sp, one<',', ';'>>> {};
struct block_open : one<'{'> {};
struct vars_close : one<'}'> {};
struct vars_block : if_must<keyword<'v', 'a', 'r', 's'>, sp, block_open, star<sp, var_decl>, sp, vars_close> {};

struct score_name : identifier {};
struct field_name : identifier {};
struct field_type : type_spec {};
struct score_close : one<'}'> {};
struct field_default : value {};
struct score_field : if_must<field_name, sp, colon, sp, field_type, opt<sp, one<'='>, sp, must<field_default>>> {};
struct score_block : if_must<keyword<'s', 'c', 'o', 'r', 'e'>, sp, score_name, sp, block_open,
                             star<sp, score_field, opt<sp, one<','>>>, sp, score_close> {};

struct annotation_name : identifier {};
struct annotation_arg : value {};
struct annotation_open : one<'('> {};
struct annotation_close : one<')'> {};
struct annotation : if_must<one<'@'>, annotation_name, sp, annotation_open, sp,
                            opt<list<annotation_arg, one<','>, blank_item>>, sp, annotation_close> {};

// warmup/skill/strength components belong to sessions, not to a WOD's clock:
// accepted and left out (with a warning).
struct component_word : sor<keyword<'w', 'a', 'r', 'm', 'u', 'p'>, keyword<'s', 'k', 'i', 'l', 'l'>,
                            keyword<'s', 't', 'r', 'e', 'n', 'g', 't', 'h'>> {};
struct component_body : balanced_group {};
struct component : if_must<component_word, sp, opt<quoted, sp>, component_body> {};

struct body_item : sor<annotation, vars_block, wod_block, score_block, notes_decl, component> {};

// Modules, or a bare module body.
struct module_keyword : keyword<'m', 'o', 'd', 'u', 'l', 'e'> {};
struct module_id : seq<identifier, star<one<'.'>, identifier>> {};
struct module_version : seq<one<'v', 'V'>, integer, opt<one<'.'>, integer>, unit_end> {};
struct module_open : one<'{'> {};
struct module_close : one<'}'> {};
struct module_block : if_must<module_keyword, sp, module_id, opt<sp, module_version>, sp, module_open,
                              star<sp, body_item>, sp, module_close> {};
struct bare_start : success {};
struct bare_end : success {};
struct bare_body : seq<bare_start, body_item, star<sp, body_item>, bare_end> {};
struct content : sor<plus<module_block, sp>, bare_body> {};
struct end_of_text : eof {};
struct document : seq<sp, must<content>, sp, must<end_of_text>> {};

}  // namespace ws::wod::grammar
