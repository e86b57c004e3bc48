"""bindref: Azure Functions binding reference pages generated from one definition per binding."""
