// portal - customer self-service portal (login, invoices download).
#include "app.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>

#include <iostream>
#include <memory>

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session : public std::enable_shared_from_this<Session> {
public:
  Session(tcp::socket &&socket, AppContext &app) : stream_(std::move(socket)), app_(app) {}

  void run() { net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::do_read, shared_from_this())); }

private:
  void do_read() {
    req_ = {};
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, req_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) return do_close();
    if (ec) return;
    res_ = std::make_shared<Response>(route_request(app_, std::move(req_)));
    http::async_write(stream_, *res_,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(), res_->need_eof()));
  }

  void on_write(bool close, beast::error_code ec, std::size_t) {
    if (ec) return;
    if (close) return do_close();
    res_.reset();
    do_read();
  }

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Request req_;
  std::shared_ptr<Response> res_;
  AppContext &app_;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
  Listener(net::io_context &ioc, tcp::endpoint ep, AppContext &app) : ioc_(ioc), acceptor_(net::make_strand(ioc)), app_(app) {
    acceptor_.open(ep.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }
  void run() { do_accept(); }

private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }
  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!ec) std::make_shared<Session>(std::move(socket), app_)->run();
    do_accept();
  }
  net::io_context &ioc_;
  tcp::acceptor acceptor_;
  AppContext &app_;
};

int main(int argc, char **argv) {
  AppContext app;
  if (argc > 1) app.cfg.db_path = argv[1];
  if (sqlite3_open(app.cfg.db_path.c_str(), &app.db) != SQLITE_OK) {
    std::cerr << "cannot open db\n";
    return 1;
  }
  sqlite3_exec(app.db, "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, password TEXT, email TEXT)",
               nullptr, nullptr, nullptr);
  net::io_context ioc{2};
  std::make_shared<Listener>(ioc, tcp::endpoint{tcp::v4(), app.cfg.port}, app)->run();
  ioc.run();
}
