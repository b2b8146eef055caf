#pragma once

#include <map>
#include <string>

namespace relay {

struct Settings {
  std::string githubSecret;
  std::string slackToken;
  std::string adminKey;
  std::string slackChannel = "deploys";
  std::string metricsHost = "https://metrics.internal:9443";
  std::string legacyPartner = "https://partner-edi.example.net";
  std::map<std::string, std::string> subscribers; // name -> URL, from the config file
};

/// POSTs \p payload to \p url ("https://host[:port]/path").
bool deliver(const std::string &url, const std::string &payload);
void notifySlack(const Settings &s, const std::string &text);
void pushCounter(const Settings &s, const std::string &name, long value);
void forwardToPartner(const Settings &s, const std::string &payload);

} // namespace relay
