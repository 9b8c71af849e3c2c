#pragma once
// POST /api/generate-training's body: {"user_input": "...", "config": {...}}.
// The config is a partial WorkoutConfig: validated like a workout's, and
// only the keys present become constraints for the coach.
#include <string>

#include <boost/json/value.hpp>

#include "coach/request.h"
#include "common/result.h"
#include "http/request_parsing.h"

namespace ws::http {

struct GenerateTraining {
  std::string user_input;  // may be empty: the coach then says what it assumed
  coach::ConfigOverrides config;
};

Result<GenerateTraining> parse_generate_training(const boost::json::value& body,
                                                 const Limits& limits = {});

// The request's language from an Accept-Language header ("fr-FR,fr;q=0.9"):
// French when French comes first, English otherwise.
coach::Language language_from_header(const std::string& accept_language);

}  // namespace ws::http
