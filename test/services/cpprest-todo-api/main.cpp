#include <cpprest/http_listener.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "todo_handlers.h"
#include "todo_store.h"

namespace {
volatile std::sig_atomic_t running = 1;
void onSignal(int) { running = 0; }
} // namespace

int main(int argc, char* argv[])
{
    std::string url = argc > 1 ? argv[1] : "http://0.0.0.0:8040";
    std::string dbFile = std::getenv("TODO_DB") ? std::getenv("TODO_DB") : "todos.db";

    auto store = std::make_shared<TodoStore>(dbFile);
    TodoHandlers handlers(store);
    web::http::experimental::listener::http_listener listener(url);
    handlers.attach(listener);

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    listener.open().wait();
    std::cout << "todo api on " << url << std::endl;
    while (running)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    listener.close().wait();
    return 0;
}
