#include "config/config.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "config/setting_values.h"
#include "config/settings_table.h"

namespace ws::config {
namespace {

Error config_error(const std::string& origin, std::string_view name, const std::string& what) {
  return make_error(ErrorKind::invalid_argument, "invalid_config", origin + ": " + std::string(name) + ": " + what,
                    std::string(name));
}

// Where values come from: the defaults column, a TOML file or the
// environment. `name` is how the source spells a setting (its TOML key or
// its variable); `value` is empty when the source does not set it.
struct Source {
  std::string origin;
  std::string_view (*name)(const Setting&);
  std::function<std::optional<Result<Value>>(const Setting&)> value;
};

std::string_view key_of(const Setting& s) { return s.key; }
std::string_view env_of(const Setting& s) { return s.env; }

Source defaults_source() {
  return {"defaults", key_of, [](const Setting& s) -> std::optional<Result<Value>> {
            if (s.key.empty()) return std::nullopt;  // it fills another setting's field
            return value_from_text(s.kind, std::string(s.default_value));
          }};
}

Source toml_source(const toml::table& root, const std::string& origin) {
  return {origin, key_of, [&root](const Setting& s) -> std::optional<Result<Value>> {
            std::size_t dot = s.key.find('.');
            if (dot == std::string_view::npos) return std::nullopt;
            const auto* section = root[s.key.substr(0, dot)].as_table();
            const toml::node* node = section ? section->get(s.key.substr(dot + 1)) : nullptr;
            if (!node) return std::nullopt;
            return value_from_toml(s.kind, *node);
          }};
}

Source env_source(const EnvLookup& env) {
  return {"environment", env_of, [&env](const Setting& s) -> std::optional<Result<Value>> {
            if (s.env.empty()) return std::nullopt;
            auto text = env(std::string(s.env));
            if (!text) return std::nullopt;
            return value_from_text(s.kind, *text);
          }};
}

bool sizes_single_rendition(const Setting& s) { return s.key == "render.width" || s.key == "render.height"; }

// Stores every value the source sets, in table order. Returns how the source
// names the rendition size it set (empty: none).
Result<std::string> store_values(const Source& source, Config& config) {
  std::string sized_by;
  for (const Setting& setting : settings_table()) {
    auto value = source.value(setting);
    if (!value) continue;
    if (!*value) return config_error(source.origin, source.name(setting), value->error().message);
    WS_RETURN_IF_ERROR(store(**value, setting.field(config)));
    if (sizes_single_rendition(setting) && sized_by.empty()) sized_by = source.name(setting);
  }
  return sized_by;
}

// A file or the environment: its values, then its rendition size, if it
// gives one (render.width/height, RENDER_WIDTH/HEIGHT), replaces the ladder
// by that single rendition.
Status apply(const Source& source, Config& config) {
  WS_ASSIGN_OR_RETURN(std::string sized_by, store_values(source, config));
  if (sized_by.empty()) return Status::Ok();
  Rung rung = config.render.single_rung();
  if (Status valid = check_rung(rung); !valid) return config_error(source.origin, sized_by, valid.error().message);
  config.render.ladder = {rung};
  return Status::Ok();
}

// The first key in the file that the table does not have.
std::optional<std::string> unknown_key(const toml::table& root) {
  std::set<std::string_view> known;
  for (const Setting& s : settings_table()) known.insert(s.key);
  for (const auto& [section, node] : root) {
    std::string name(section.str());
    const auto* table = node.as_table();
    if (!table) return name;
    for (const auto& [key, value] : *table) {
      std::string full = name + "." + std::string(key.str());
      if (!known.count(full)) return full;
    }
  }
  return std::nullopt;
}

Result<toml::table> parse_toml(const std::string& toml_text, const std::string& origin) {
  try {
    return toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << origin << ":" << e.source().begin.line << ": " << e.description();
    return make_error(ErrorKind::invalid_argument, "invalid_config", where.str());
  }
}

// Quotes a conninfo value as libpq expects: single quotes, backslash escapes.
std::string conninfo_value(const std::string& value) {
  std::string out = "'";
  for (char ch : value) {
    if (ch == '\'' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "'";
}

}  // namespace

Database Database::as_owner() const {
  Database owner = *this;
  if (!owner_url.empty()) owner.url = owner_url;
  return owner;
}

std::string Database::conninfo() const {
  if (!url.empty()) {
    // libpq waits forever by default; a URL without a timeout gets ours.
    if (url.find("connect_timeout=") != std::string::npos) return url;
    return url + (url.find('?') == std::string::npos ? "?" : "&") +
           "connect_timeout=" + std::to_string(connect_timeout_s);
  }
  std::string info = "host=" + conninfo_value(host) + " port=" + std::to_string(port) +
                     " dbname=" + conninfo_value(name) +
                     " connect_timeout=" + std::to_string(connect_timeout_s);
  if (!user.empty()) info += " user=" + conninfo_value(user);
  if (!password.empty()) info += " password=" + conninfo_value(password);
  if (!sslmode.empty()) info += " sslmode=" + conninfo_value(sslmode);
  return info;
}

EnvLookup process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

Config defaults() {
  Config config;
  // A default that does not fit its own kind is a bug of the table (the
  // config unit tests load the defaults).
  if (auto stored = store_values(defaults_source(), config); !stored) {
    throw std::logic_error(stored.error().message);
  }
  return config;
}

Result<Config> parse(const std::string& toml_text, const std::string& origin, const EnvLookup& env) {
  WS_ASSIGN_OR_RETURN(toml::table root, parse_toml(toml_text, origin));
  Config config = defaults();
  WS_RETURN_IF_ERROR(apply(toml_source(root, origin), config));
  if (auto key = unknown_key(root)) return config_error(origin, *key, "unknown setting");
  WS_RETURN_IF_ERROR(apply(env_source(env), config));
  return config;
}

Result<Config> load(const std::string& path, const EnvLookup& env) {
  if (path.empty()) return parse("", "defaults", env);
  std::ifstream in(path);
  if (!in) {
    return make_error(ErrorKind::not_found, "config_not_found", "cannot read config file '" + path + "'");
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, env);
}

}  // namespace ws::config
