#pragma once

#include <string>
#include <vector>

struct Comment {
  std::string author;
  std::string body;
  std::string posted_at;
};

struct ProfileForm {
  std::string display_name;
  std::string bio;
  std::string location;
};

namespace views {
std::string layout(const std::string &title, const std::string &content);
std::string comments_page(const std::string &thread, const std::vector<Comment> &comments);
std::string search_page(const std::string &query, const std::vector<std::string> &threads);
std::string profile_preview(const ProfileForm &form);
std::string not_found(const std::string &path);
} // namespace views
