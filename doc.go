package apierr
