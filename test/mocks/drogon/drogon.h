// Test mock of Drogon (https://github.com/drogonframework/drogon), written
// for appsec-tidy's tests; not Drogon's code. Imitates lib/inc/drogon/drogon.h
// (v1.9.x), the umbrella header, for the parts the tests use.
#pragma once

#include <trantor/utils/Logger.h>
#include <drogon/Cookie.h>
#include <drogon/HttpAppFramework.h>
#include <drogon/HttpClient.h>
#include <drogon/HttpController.h>
#include <drogon/HttpFilter.h>
#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>
#include <drogon/HttpSimpleController.h>
#include <drogon/HttpViewData.h>
#include <drogon/MultiPart.h>
#include <drogon/utils/Utilities.h>
